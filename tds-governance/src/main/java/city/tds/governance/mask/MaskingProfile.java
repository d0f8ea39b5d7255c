package city.tds.governance.mask;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which masking algorithm applies to which column, under which crypto suite. Written in YAML:
 *
 * <pre>{@code
 * suite: GM            # or INTL: HMAC-SM3 and SM4 for keyed algorithms, or HMAC-SHA-256 and AES-256
 * columns:
 *   身份证号: { algorithm: fpe-id, key: default }
 *   手机号:   { algorithm: keep, first: 3, last: 4 }
 *   姓名:     { algorithm: keep, first: 1, last: 0 }
 *   邮箱:     { algorithm: mask-before, char: "@" }
 *   出生日期: { algorithm: date-truncate, to: year }
 *   备注:     suppress
 * }</pre>
 *
 * <p>The algorithms and their parameters (defaults in brackets): {@code keep} (first [0], last [0], maskChar [*]);
 * {@code mask-range} (from, to [from] or ranges such as {@code "4-7, 10-11"}; maskChar); {@code mask-before} and
 * {@code mask-after} (char, maskChar); {@code hash} (key, encoding hex|base32 [hex], length [all]); {@code fpe-id},
 * {@code fpe-mobile}, {@code fpe-credit-code} (key); {@code age-band} (width [10], top [none]); {@code date-truncate}
 * (to: year|month|day); {@code region-prefix} (keep [2]); {@code suppress} (token [empty]). A column's rule may be just
 * an algorithm's name. Quote a mask character that YAML reads specially: {@code maskChar: "*"}.
 *
 * <p>A profile is checked when it is made; every problem is reported with its key path, as in {@code
 * columns.手机号.first: must be a non-negative integer, got "x"}. Keys are looked up when it is {@link #bind bound}.
 */
public final class MaskingProfile {

    /** The problem code of a profile that cannot be read or checked. */
    public static final String INVALID = "invalid-masking-profile";

    private final SuiteId suite;
    private final Map<String, MaskingRule> columns;
    private final Map<String, AlgorithmCatalog.Prepared> prepared;

    private MaskingProfile(
            SuiteId suite, Map<String, MaskingRule> columns, Map<String, AlgorithmCatalog.Prepared> prepared) {
        this.suite = suite;
        this.columns = columns;
        this.prepared = prepared;
    }

    /** Reads and checks a profile written in YAML. */
    public static Result<MaskingProfile> parse(String yaml) {
        return ProfileYaml.read(yaml);
    }

    /** Reads and checks a profile written in YAML (UTF-8); the caller closes the stream. */
    public static Result<MaskingProfile> parse(InputStream yaml) {
        return ProfileYaml.read(yaml);
    }

    /** Checks a profile made in code (by a scan proposing rules, or a transfer's duty to anonymise). */
    public static Result<MaskingProfile> of(SuiteId suite, Map<String, MaskingRule> columns) {
        Objects.requireNonNull(suite, "suite");
        List<String> errors = new ArrayList<>();
        if (columns.isEmpty()) {
            errors.add("columns: must name at least one column");
        }
        Map<String, AlgorithmCatalog.Prepared> prepared = new LinkedHashMap<>();
        columns.forEach((column, rule) -> {
            AlgorithmCatalog.Prepared algorithm = AlgorithmCatalog.prepare("columns." + column, rule, errors);
            if (algorithm != null) {
                prepared.put(column, algorithm);
            }
        });
        return errors.isEmpty()
                ? Result.ok(
                        new MaskingProfile(suite, Collections.unmodifiableMap(new LinkedHashMap<>(columns)), prepared))
                : invalid(errors);
    }

    static <T> Result<T> invalid(List<String> errors) {
        return Result.fail(Problem.invalidInput(INVALID, String.join("; ", errors)));
    }

    /** The names of the algorithms a profile can use. */
    public static List<String> knownAlgorithms() {
        return AlgorithmCatalog.names();
    }

    public SuiteId suite() {
        return suite;
    }

    /** The rule of each column, in the profile's order. */
    public Map<String, MaskingRule> columns() {
        return columns;
    }

    /** This profile in YAML, as {@link #parse(String)} reads it. */
    public String toYaml() {
        return ProfileYaml.write(this);
    }

    /**
     * Builds the algorithms for a table with this header. Fails ({@code unknown-masking-column}) when the profile names
     * a column the header lacks, or ({@code unknown-masking-key}) when a keyed algorithm names a key {@code keys} lacks.
     * Every column with a name the profile gives is masked, duplicates included.
     *
     * @param clock gives the day ages are counted on ({@code age-band})
     */
    public Result<RowMasker> bind(List<String> header, MaskingKeys keys, Clock clock) {
        List<String> missing =
                columns.keySet().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            return Result.fail(Problem.invalidInput(
                    "unknown-masking-column",
                    "the masking profile names " + (missing.size() == 1 ? "a column" : "columns")
                            + " not in the header: " + String.join(", ", missing) + "; the header is " + header));
        }
        MaskingContext context = new MaskingContext(suite, keys, LocalDate.now(clock));
        List<String> errors = new ArrayList<>();
        Map<String, MaskingAlgorithm> algorithms = new LinkedHashMap<>();
        prepared.forEach((column, rule) -> {
            MaskingAlgorithm algorithm = rule.bind(context, errors);
            if (algorithm != null) {
                algorithms.put(column, algorithm);
            }
        });
        if (!errors.isEmpty()) {
            return Result.fail(Problem.invalidInput("unknown-masking-key", String.join("; ", errors)));
        }
        return Result.ok(new RowMasker(header, algorithms));
    }

    /** {@link #bind(List, MaskingKeys, Clock)} with the system clock in its default time zone. */
    public Result<RowMasker> bind(List<String> header, MaskingKeys keys) {
        return bind(header, keys, Clock.systemDefaultZone());
    }

    @Override
    public String toString() {
        return "MaskingProfile[" + suite + ", " + columns + "]";
    }
}
