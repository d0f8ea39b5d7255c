package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdDetectorTest {

    private final ResidentIdDetector detector = new ResidentIdDetector(LocalDate.of(2026, 6, 1));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11010519491231002X",
                "11010519491231002x",
                "441900199003071238",
                "33010619850101001X",
                "510107200002294564",
                "110101190001011236",
                " 110105 19491231 002X ",
                "110105491231002"
            })
    void acceptsValidNumbers(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194912310021", // wrong check character
                "110105199902300021", // 1999-02-30
                "510107200102294561", // 2001 is not a leap year
                "110105203101010011", // born after the clock's today
                "110105189912310011", // before 1900
                "190105194912310020", // 19 is not a province
                "110005194912310022", // prefecture 00
                "110105991301002", // old form, month 13
                "1101051949123100", // 16 characters
                "11010519491231002Y",
                "110105-19491231-002X"
            })
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @Test
    void computesTheIso7064CheckCharacter() {
        assertThat(ResidentIdDetector.checkCharacter("11010519491231002".toCharArray()))
                .isEqualTo('X');
        assertThat(ResidentIdDetector.checkCharacter("44190019900307123".toCharArray()))
                .isEqualTo('8');
    }

    @Test
    void oldFormIsLessCertainThanTheCheckedForm() {
        ValueShape shape18 = new ValueShape().analyse("11010519491231002X");
        ValueShape shape15 = new ValueShape().analyse("110105491231002");
        assertThat(detector.score("110105491231002", shape15))
                .isPositive()
                .isLessThan(detector.score("11010519491231002X", shape18));
    }
}
