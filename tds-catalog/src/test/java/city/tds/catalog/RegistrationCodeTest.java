package city.tds.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistrationCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void theCheckCharacterSatisfiesIso7064Mod3736() {
        for (long serial = 1; serial < 2000; serial += 7) {
            RegistrationCode code = RegistrationCode.issue("SH-TDS", 2026, serial);
            // ISO/IEC 7064 hybrid check: running the recursion over body and check character leaves 1
            int m = 36;
            int p = m;
            int s = 0;
            for (char c : code.toString().toCharArray()) {
                int v = ALPHABET.indexOf(c);
                if (v < 0) {
                    continue;
                }
                s = (p % (m + 1)) + v;
                s = s % m == 0 ? m : s % m;
                p = (2 * s) % (m + 1);
            }
            assertThat(s).as(code.toString()).isEqualTo(1);
        }
    }

    @Test
    void parsingRoundTripsAndCatchesTyposAndTranspositions() {
        RegistrationCode code = RegistrationCode.issue("SH-TDS", 2026, 123);
        assertThat(code.toString()).matches("SH-TDS-2026-000123-[0-9A-Z]");
        assertThat(RegistrationCode.parse(code.toString())).contains(code);
        assertThat(RegistrationCode.parse(code.toString().toLowerCase())).contains(code);

        assertThat(RegistrationCode.parse("SH-TDS-2026-000124-" + code.check())).isEmpty();
        assertThat(RegistrationCode.parse("SH-TDS-2026-000213-" + code.check())).isEmpty();
        assertThat(RegistrationCode.parse("SH-TDS-2026-123-" + code.check())).isEmpty();
        assertThat(RegistrationCode.parse("not a code")).isEmpty();
        assertThat(RegistrationCode.parse(null)).isEmpty();
    }

    @Test
    void spaceCodesAreShortUpperCaseSlugs() {
        assertThat(RegistrationCode.validSpaceCode("TDS")).isTrue();
        assertThat(RegistrationCode.validSpaceCode("SH-TDS")).isTrue();
        assertThat(RegistrationCode.validSpaceCode("sh")).isFalse();
        assertThat(RegistrationCode.validSpaceCode("S")).isFalse();
        assertThatThrownBy(() -> RegistrationCode.issue("TDS", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
