package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCharactersTest {

    @Test
    void validatesTheStandardsExampleIdNumber() {
        assertThat(CheckCharacters.isValidIdNumber("11010519491231002X")).isTrue();
        assertThat(CheckCharacters.idNumberCheck("11010519491231002")).isEqualTo('X');
        assertThat(CheckCharacters.isValidIdNumber("110105194912310021")).isFalse();
        assertThat(CheckCharacters.isValidIdNumber("11010519491231002")).isFalse();
        assertThat(CheckCharacters.isValidIdNumber(null)).isFalse();
    }

    @Test
    void validatesCreditCodes() {
        assertThat(CheckCharacters.isValidCreditCode("91350100M000100Y43")).isTrue();
        assertThat(CheckCharacters.isValidCreditCode("914403001922038216")).isTrue();
        assertThat(CheckCharacters.creditCodeCheck("91350100M000100Y4")).isEqualTo('3');
        assertThat(CheckCharacters.isValidCreditCode("91350100M000100Y44")).isFalse();
        // the organisation code 192203821 has check character 1; 192203831 fails it
        assertThat(CheckCharacters.organisationCodeCheck("19220382", 0)).isEqualTo('1');
        assertThat(CheckCharacters.isValidCreditCode("91350100M000100I43")).isFalse();
    }
}
