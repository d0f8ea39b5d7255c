package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MobileNumberFpeTest extends FormatPreservingContract {

    private static final int[] SEGMENTS = {130, 133, 138, 139, 150, 158, 166, 177, 186, 189, 199};

    @Override
    MaskingAlgorithm algorithm(SuiteId suite, byte[] key) {
        return new MobileNumberFpe(suite, key);
    }

    @Override
    String generate(Random random) {
        return SEGMENTS[random.nextInt(SEGMENTS.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    @Override
    boolean isWellFormed(String masked) {
        return masked.length() == 11
                && masked.chars().allMatch(Character::isDigit)
                && MobileNumberFpe.isSegment(Integer.parseInt(masked.substring(0, 3)));
    }

    @Override
    boolean keepsWhatItShould(String original, String masked) {
        return masked.startsWith(original.substring(0, 3));
    }

    @Override
    List<String> invalidInputs() {
        return List.of("12012345678", "1941234567", "1381234567", "138123456789", "138-1234-567a", "手机138");
    }

    @Test
    void keepsSeparatorsAndTheCountryPrefix() {
        MobileNumberFpe fpe = new MobileNumberFpe(SuiteId.GM, KEY);
        String plain = fpe.mask("13812345678");
        assertThat(fpe.mask("138-1234-5678"))
                .isEqualTo(plain.substring(0, 3) + "-" + plain.substring(3, 7) + "-" + plain.substring(7));
        assertThat(fpe.mask("+86 13812345678")).isEqualTo("+86 " + plain);
        assertThat(fpe.mask("8613812345678")).isEqualTo("86" + plain);
        assertThat(fpe.mask("0086 138 1234 5678")).startsWith("0086 138 ");
    }
}
