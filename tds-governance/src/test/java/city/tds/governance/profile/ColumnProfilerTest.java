package city.tds.governance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColumnProfilerTest {

    @Test
    void numbersGetANumericRangeMeanAndKind() {
        ColumnProfiler profiler = new ColumnProfiler("增值税额");
        for (String v : new String[] {"12", "3.5", "-4", null, "100", " "}) {
            profiler.accept(v);
        }
        ColumnProfile p = profiler.profile();
        assertThat(p.values()).isEqualTo(6);
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.blank()).isEqualTo(1);
        assertThat(p.kind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(p.min()).isEqualTo("-4");
        assertThat(p.max()).isEqualTo("100");
        assertThat(p.mean()).isCloseTo(27.875, within(1e-9));
        assertThat(p.missingRatio()).isCloseTo(1 / 6.0, within(1e-9));
    }

    @Test
    void digitCodesWithLeadingZerosOrEighteenDigitsAreText() {
        assertThat(ColumnProfiler.kindOf("0571", 4, 0)).isEqualTo(ValueKind.TEXT);
        assertThat(ColumnProfiler.kindOf("110105199001011234", 18, 0)).isEqualTo(ValueKind.INTEGER);
        assertThat(ColumnProfiler.kindOf("11010519900101123X", 17, 0)).isEqualTo(ValueKind.TEXT);
        assertThat(ColumnProfiler.kindOf("1101051990010112345", 19, 0)).isEqualTo(ValueKind.TEXT);
        assertThat(ColumnProfiler.kindOf("2026-02-30", 8, 0)).isEqualTo(ValueKind.DATE);
        assertThat(ColumnProfiler.kindOf("2026-13-01", 8, 0)).isEqualTo(ValueKind.TEXT);
        assertThat(ColumnProfiler.kindOf("2026-12-01T08:30:00", 14, 0)).isEqualTo(ValueKind.DATETIME);
        assertThat(ColumnProfiler.kindOf("是", 0, 0)).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ColumnProfiler.kindOf(".5", 1, 1)).isEqualTo(ValueKind.TEXT);
        assertThat(ColumnProfiler.kindOf("0.5", 2, 1)).isEqualTo(ValueKind.DECIMAL);
    }

    @Test
    void topValuesAndShapesAreCountedAndDistinctIsEstimatedClosely() {
        ColumnProfiler profiler = new ColumnProfiler("等级");
        for (int i = 0; i < 100_000; i++) {
            profiler.accept(i % 10 == 0 ? "A" : "B" + (i % 3_000));
        }
        ColumnProfile p = profiler.profile();
        assertThat(p.kind()).isEqualTo(ValueKind.TEXT);
        assertThat(p.topValues().get(0)).isEqualTo(new ColumnProfile.Counted("A", 10_000));
        assertThat(p.topValuesExact()).isTrue();
        assertThat(p.distinct())
                .isBetween(2_650L, 2_750L); // "A" and the 2,700 B-values whose residue is not a multiple of 10
        assertThat(p.patterns()).extracting(ColumnProfile.Pattern::shape).contains("A999", "A");
    }

    @Test
    void distinctEstimateOfAMillionValuesIsWithinFivePercentAndTopValuesSayTheyAreApproximate() {
        ColumnProfiler profiler = new ColumnProfiler("编号");
        for (int i = 0; i < 1_000_000; i++) {
            profiler.accept("N" + i);
        }
        ColumnProfile p = profiler.profile();
        assertThat(p.distinct()).isBetween(950_000L, 1_050_000L);
        assertThat(p.topValuesExact()).isFalse();
        assertThat(p.minLength()).isEqualTo(2);
        assertThat(p.maxLength()).isEqualTo(7);
    }

    @Test
    void numbersAreReadExactlyAsTheJdkReadsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long whole = random.nextLong(1_000_000_000_000L);
            int scale = random.nextInt(5);
            String text = (random.nextBoolean() ? "-" : "")
                    + (scale == 0
                            ? Long.toString(whole)
                            : java.math.BigDecimal.valueOf(whole, scale).toPlainString());
            assertThat(ColumnProfiler.number(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        assertThat(ColumnProfiler.number("12345678901234567.5")).isEqualTo(12345678901234567.5);
    }

    @Test
    void anEmptyColumnHasNoKindAndNoLengths() {
        ColumnProfiler profiler = new ColumnProfiler("备注");
        profiler.accept(null);
        ColumnProfile p = profiler.profile();
        assertThat(p.kind()).isEqualTo(ValueKind.EMPTY);
        assertThat(p.distinct()).isZero();
        assertThat(p.minLength()).isZero();
        assertThat(p.mean()).isNaN();
    }
}
