package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskRangesTest {

    private final MaskRanges ranges =
            new MaskRanges(List.of(new MaskRanges.Range(10, 11), new MaskRanges.Range(4, 7)), '*');

    @Test
    void masksEveryRange() {
        assertThat(ranges.mask("13812345678")).isEqualTo("138****56**");
    }

    @Test
    void stopsARangeAtTheEndOfTheValue() {
        assertThat(ranges.mask("1381234567")).isEqualTo("138****56*");
        assertThat(ranges.mask("13812")).isEqualTo("138**");
    }

    @Test
    void masksAValueEndingBeforeTheFirstRangeEntirely() {
        assertThat(ranges.mask("138")).isEqualTo("***");
    }

    @Test
    void countsCodePoints() {
        MaskRanges second = new MaskRanges(List.of(new MaskRanges.Range(2, 2)), '*');
        assertThat(second.mask("张三丰")).isEqualTo("张*丰");
        assertThat(second.mask("𠮷野家")).isEqualTo("𠮷*家");
        assertThat(second.mask("a𠮷b")).isEqualTo("a*b");
    }

    @Test
    void leavesNullAndEmptyAlone() {
        assertThat(ranges.mask(null)).isNull();
        assertThat(ranges.mask("")).isEmpty();
    }
}
