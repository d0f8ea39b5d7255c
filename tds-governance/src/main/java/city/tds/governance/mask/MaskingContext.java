package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.time.LocalDate;

/** What algorithms are built with when a profile is bound: the suite, the keys and the day ages are counted on. */
record MaskingContext(SuiteId suite, MaskingKeys keys, LocalDate today) {}
