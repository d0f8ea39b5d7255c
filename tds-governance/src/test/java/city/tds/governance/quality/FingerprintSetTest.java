package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    @Test
    void remembersTheFirstRowOfEachFingerprintAcrossGrowth() {
        FingerprintSet set = new FingerprintSet(16);
        for (int row = 1; row <= 100_000; row++) {
            assertThat(set.addIfAbsent(Fingerprint.mix(row), row)).isEqualTo(FingerprintSet.ABSENT);
        }

        assertThat(set.size()).isEqualTo(100_000);
        assertThat(set.addIfAbsent(Fingerprint.mix(77), 200_000)).isEqualTo(77);
        assertThat(set.addIfAbsent(Fingerprint.mix(100_000), 200_001)).isEqualTo(100_000);
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void keepsTheFingerprintZeroAndRowsPastTheIntRange() {
        FingerprintSet set = new FingerprintSet();

        assertThat(set.addIfAbsent(0, 5)).isEqualTo(FingerprintSet.ABSENT);
        assertThat(set.addIfAbsent(0, 9)).isEqualTo(5);
        assertThat(set.addIfAbsent(42, 3_000_000_000L)).isEqualTo(FingerprintSet.ABSENT);
        assertThat(set.addIfAbsent(42, 3_000_000_001L)).isEqualTo(FingerprintSet.UNKNOWN_ROW);
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void fingerprintsTellApartSimilarValuesAndTuples() {
        FingerprintSet set = new FingerprintSet();
        String[] chars = {"", "a", "b", "\0", "ab", "ba", "a\0", "abcd", "abcde", "abcd\0", "统一", "一统"};
        for (int i = 0; i < chars.length; i++) {
            assertThat(set.addIfAbsent(Fingerprint.of(chars[i]), i + 1))
                    .as(chars[i])
                    .isEqualTo(FingerprintSet.ABSENT);
        }
        int[] both = {0, 1};
        assertThat(Fingerprint.of(new String[] {"ab", "c"}, both))
                .isNotEqualTo(Fingerprint.of(new String[] {"a", "bc"}, both))
                .isNotEqualTo(Fingerprint.of(new String[] {"c", "ab"}, both));
    }

    @Test
    void twoMillionGeneratedIdsHaveDistinctFingerprints() {
        FingerprintSet set = new FingerprintSet();
        for (int i = 1; i <= 2_000_000; i++) {
            set.addIfAbsent(Fingerprint.of("91110000" + (10_000_000_000L + i)), i);
        }

        assertThat(set.size()).isEqualTo(2_000_000);
    }
}
