package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every format-preserving algorithm promises, checked for both suites on many generated values. */
abstract class FormatPreservingContract {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_KEY = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final int SAMPLE = 100_000;

    abstract MaskingAlgorithm algorithm(SuiteId suite, byte[] key);

    /** A random valid input. */
    abstract String generate(Random random);

    /** Whether {@code masked} has the format of a valid input (check characters included). */
    abstract boolean isWellFormed(String masked);

    /** Whether {@code masked} keeps what the algorithm promises to keep of {@code original}. */
    abstract boolean keepsWhatItShould(String original, String masked);

    /** Inputs that are not of the format: each must come back entirely masked. */
    abstract List<String> invalidInputs();

    private static Set<String> sample(FormatPreservingContract contract, int size) {
        Random random = new Random(20261201L);
        Set<String> values = new LinkedHashSet<>();
        while (values.size() < size) {
            values.add(contract.generate(random));
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void isABijectionOnDistinctValidInputsThatKeepsTheFormat(SuiteId suite) {
        MaskingAlgorithm algorithm = algorithm(suite, KEY);
        Set<String> outputs = new HashSet<>();
        int unchanged = 0;
        for (String value : sample(this, SAMPLE)) {
            assertThat(isWellFormed(value)).as("generated %s", value).isTrue();
            String masked = algorithm.mask(value);
            assertThat(isWellFormed(masked))
                    .as("%s masked to %s", value, masked)
                    .isTrue();
            assertThat(keepsWhatItShould(value, masked))
                    .as("%s masked to %s", value, masked)
                    .isTrue();
            assertThat(outputs.add(masked))
                    .as("%s collides at %s", value, masked)
                    .isTrue();
            if (masked.equals(value)) {
                unchanged++;
            }
        }
        // a random permutation leaves about SAMPLE / domain values in place; far fewer than 1 in 1,000
        assertThat(unchanged).isLessThan(SAMPLE / 1000);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void isDeterministicAndDependsOnTheKey(SuiteId suite) {
        MaskingAlgorithm one = algorithm(suite, KEY);
        MaskingAlgorithm same = algorithm(suite, KEY.clone());
        MaskingAlgorithm other = algorithm(suite, OTHER_KEY);
        int differentUnderOtherKey = 0;
        Set<String> values = sample(this, 200);
        for (String value : values) {
            assertThat(one.mask(value)).isEqualTo(same.mask(value)).isEqualTo(one.mask(value));
            if (!one.mask(value).equals(other.mask(value))) {
                differentUnderOtherKey++;
            }
        }
        assertThat(differentUnderOtherKey).isGreaterThan(values.size() * 9 / 10);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void differsBetweenSuites(SuiteId suite) {
        SuiteId otherSuite = suite == SuiteId.GM ? SuiteId.INTL : SuiteId.GM;
        Set<String> values = sample(this, 200);
        long same = values.stream()
                .filter(v -> algorithm(suite, KEY)
                        .mask(v)
                        .equals(algorithm(otherSuite, KEY).mask(v)))
                .count();
        assertThat(same).isLessThan(values.size() / 10);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void masksInvalidInputEntirelyAndLeavesNullAndEmptyAlone(SuiteId suite) {
        MaskingAlgorithm algorithm = algorithm(suite, KEY);
        for (String invalid : invalidInputs()) {
            assertThat(algorithm.mask(invalid))
                    .as(invalid)
                    .isEqualTo("*".repeat(invalid.codePointCount(0, invalid.length())));
        }
        assertThat(algorithm.mask(null)).isNull();
        assertThat(algorithm.mask("")).isEmpty();
    }
}
