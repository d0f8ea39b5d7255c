package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "42",
                "+42",
                " 42 ",
                "-12.50",
                ".5",
                "5.",
                "0.1",
                "100000000",
                "123456789012345678901",
                "1e3",
                "-2.5E-3",
                "3.14159265358979323846",
                "9007199254740993",
                "0.0000000000000000000000001"
            })
    void readsNumbersAsBigDecimalWould(String text) {
        assertThat(DecimalParser.parse(text)).isEqualTo(new java.math.BigDecimal(text.strip()).doubleValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "-", ".", "abc", "1,000", "¥5", "12a", "1.2.3", "NaN", "Infinity", "0x10", "1e", "--1"})
    void answersNaNForTextThatIsNotANumber(String text) {
        assertThat(DecimalParser.parse(text)).isNaN();
    }

    @Test
    void agreesWithTheJdkOnRandomDecimals() {
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long units = random.nextLong() % 10_000_000_000_000L;
            int scale = random.nextInt(8);
            String text = java.math.BigDecimal.valueOf(units, scale).toPlainString();
            assertThat(DecimalParser.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }
}
