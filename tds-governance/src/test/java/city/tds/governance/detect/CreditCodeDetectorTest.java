package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeDetectorTest {

    private final CreditCodeDetector detector = new CreditCodeDetector();

    @Test
    void acceptsThePublishedExample() {
        assertThat(detector.matches("91350100M000100Y43")).isTrue();
        assertThat(detector.matches("91350100m000100y43")).isTrue();
        assertThat(CreditCodeDetector.checkCharacter("91350100M000100Y4".toCharArray()))
                .isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y44", // wrong check character
                "91350100M000100Y53", // subject identifier fails its GB 11714 check
                "94350100M000100Y43", // 工商 has no kind 4
                "Y2350100M000100Y43", // 其他 has only kind 1
                "9135010OM000100Y43", // O is not in the alphabet
                "91990100M000100Y43", // 99 is not a province
                "91350100M000100Y4"
            })
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @Test
    void acceptsEveryDefinedDepartmentAndKindPair() {
        String[] pairs = {
            "11", "12", "13", "19", "21", "29", "31", "35", "51", "52", "53", "59", "61", "72", "81", "91", "92", "93",
            "A1", "N1", "N3", "Y1"
        };
        for (String pair : pairs) {
            char[] code = (pair + "350100M000100Y4X").toCharArray();
            code[17] = CreditCodeDetector.checkCharacter(code);
            assertThat(CreditCodeDetector.isValid(code)).as(pair).isTrue();
        }
    }

    @Test
    void rejectsUndefinedPairsEvenWithACorrectCheckCharacter() {
        for (String pair : new String[] {"36", "N4", "94", "Y2", "22", "B1", "01"}) {
            char[] code = (pair + "350100M000100Y4X").toCharArray();
            code[17] = CreditCodeDetector.checkCharacter(code);
            assertThat(CreditCodeDetector.isValid(code)).as(pair).isFalse();
        }
    }
}
