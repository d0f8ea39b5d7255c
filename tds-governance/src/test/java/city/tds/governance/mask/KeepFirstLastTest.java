package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeepFirstLastTest {

    @Test
    void showsTheEndsOfAMobileNumber() {
        assertThat(new KeepFirstLast(3, 4, '*').mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void countsChineseCharactersAsOne() {
        KeepFirstLast surname = new KeepFirstLast(1, 0, '*');
        assertThat(surname.mask("张三丰")).isEqualTo("张**");
        assertThat(surname.mask("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void countsCharactersOutsideTheBmpAsOne() {
        // 𠮷 (U+20BB7) is one code point but two chars
        assertThat(new KeepFirstLast(1, 0, '*').mask("𠮷野家")).isEqualTo("𠮷**");
        assertThat(new KeepFirstLast(1, 1, '*').mask("张𠮷三")).isEqualTo("张*三");
        assertThat(new KeepFirstLast(0, 0, '#').mask("a𠮷")).isEqualTo("##");
    }

    @Test
    void masksAValueNoLongerThanWhatWouldBeKeptEntirely() {
        KeepFirstLast phone = new KeepFirstLast(3, 4, '*');
        assertThat(phone.mask("1381234")).isEqualTo("*******");
        assertThat(phone.mask("12")).isEqualTo("**");
        assertThat(new KeepFirstLast(1, 1, '*').mask("张三")).isEqualTo("**");
    }

    @Test
    void leavesNullAndEmptyAlone() {
        KeepFirstLast keep = new KeepFirstLast(1, 1, '*');
        assertThat(keep.mask(null)).isNull();
        assertThat(keep.mask("")).isEmpty();
    }

    @Test
    void usesTheMaskCharacterGiven() {
        assertThat(new KeepFirstLast(1, 1, 'x').mask("abcd")).isEqualTo("axxd");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new KeepFirstLast(-1, 0, '*')).isInstanceOf(IllegalArgumentException.class);
    }
}
