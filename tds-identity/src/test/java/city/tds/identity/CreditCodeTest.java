package city.tds.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    // published credit codes of well-known organisations
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "91440300708461136T", "  91440300708461136t "})
    void realCodesAreAccepted(String code) {
        assertThat(CreditCode.parse(code).isOk()).isTrue();
        assertThat(CreditCode.parse(code).value().value()).isEqualTo(code.trim().toUpperCase());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "9135010M000100Y43|has 17",
                "91350100M000100Y433|has 19",
                "91350100M0001O0Y43|character 14 of the credit code, 'O', is not allowed",
                "9135010AM000100Y43|region code and must be digits",
                "91350100M000100Y44|expected '3', got '4'",
                "|is missing"
            })
    void badCodesAreRefusedWithTheReason(String code, String reason) {
        var result = CreditCode.parse(code);
        assertThat(result.isOk()).isFalse();
        assertThat(result.problem().code()).isEqualTo("invalid-credit-code");
        assertThat(result.problem().detail()).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "92110105MA00ABCD1", "12100000400000624"})
    void theCheckCharacterMakesAValidCode(String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.parse(code).isOk()).isTrue();
    }
}
