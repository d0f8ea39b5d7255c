package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.governance.mask.MaskAroundCharacter.Side;
import org.junit.jupiter.api.Test;

class MaskAroundCharacterTest {

    private final MaskAroundCharacter before = new MaskAroundCharacter(Side.BEFORE, '@', '*');
    private final MaskAroundCharacter after = new MaskAroundCharacter(Side.AFTER, '@', '*');

    @Test
    void masksTheLocalPartOfAnEmailAddress() {
        assertThat(before.mask("zhang.san@example.cn")).isEqualTo("*********@example.cn");
        assertThat(before.mask("张三@例子.中国")).isEqualTo("**@例子.中国");
        assertThat(before.mask("@example.cn")).isEqualTo("@example.cn");
    }

    @Test
    void masksTheDomainOfAnEmailAddress() {
        assertThat(after.mask("zhang.san@example.cn")).isEqualTo("zhang.san@**********");
        assertThat(after.mask("a@b@c")).isEqualTo("a@***");
    }

    @Test
    void countsCodePointsOutsideTheBmp() {
        assertThat(before.mask("𠮷a@x")).isEqualTo("**@x");
        assertThat(after.mask("x@𠮷")).isEqualTo("x@*");
    }

    @Test
    void masksAValueWithoutTheDelimiterEntirely() {
        assertThat(before.mask("no-at-sign")).isEqualTo("**********");
        assertThat(after.mask("张三")).isEqualTo("**");
    }

    @Test
    void leavesNullAndEmptyAlone() {
        assertThat(before.mask(null)).isNull();
        assertThat(after.mask("")).isEmpty();
    }
}
