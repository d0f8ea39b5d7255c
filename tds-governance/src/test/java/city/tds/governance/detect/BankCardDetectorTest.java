package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardDetectorTest {

    private final BankCardDetector detector = new BankCardDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6222020200112233446",
                "6222 0202 0011 2233 446",
                "6222-0202-0011-2233-446",
                "4111111111111111",
                "5500000000000004",
                "2221000000000009",
                "3530111333300000"
            })
    void acceptsLuhnValidCardsWithKnownPrefixes(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6222020200112233447", // Luhn fails
                "7111111111111114", // Luhn valid, no known issuer
                "1234567812345670", // Luhn valid, no known issuer
                "411111111111", // too short
                "62220202001122334460", // 20 digits
                "6222.0202.0011.2233.446"
            })
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
