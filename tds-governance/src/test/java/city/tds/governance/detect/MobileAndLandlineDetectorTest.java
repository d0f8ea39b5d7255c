package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileAndLandlineDetectorTest {

    private final MobileDetector mobile = new MobileDetector();
    private final LandlineDetector landline = new LandlineDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "+86 138 1234 5678",
                "+8613812345678",
                "86-13812345678",
                "0086 19912345678",
                "162-1234-5678",
                "199 1234 5678"
            })
    void acceptsMobilesInAllocatedSegments(String value) {
        assertThat(mobile.matches(value)).isTrue();
        assertThat(landline.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"12012345678", "15412345678", "16012345678", "19412345678", "1381234567", "+87 13812345678"})
    void rejectsUnallocatedOrMalformedMobiles(String value) {
        assertThat(mobile.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "010-62345678",
                "(010)62345678",
                "021 6123 4567",
                "0755-88886666",
                "07558888666",
                "0571-8888666",
                "(0571) 8888-6666",
                "+86 10 62345678",
                "0571-88886666-123",
                "0571-88886666转8001",
                "0571-88886666 ext 12"
            })
    void acceptsLandlinesWithRealAreaCodes(String value) {
        assertThat(landline.matches(value)).isTrue();
        assertThat(mobile.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "026-22345678", // 026 is not assigned
                "0340-2234567", // nor is 0340
                "010-02345678", // subscriber starts with 0
                "0571-1888666", // subscriber starts with 1
                "010-2234567", // 7 digits after a three-digit code
                "0571-22345", // too short
                "88886666" // no area code
            })
    void rejectsNearMisses(String value) {
        assertThat(landline.matches(value)).isFalse();
    }
}
