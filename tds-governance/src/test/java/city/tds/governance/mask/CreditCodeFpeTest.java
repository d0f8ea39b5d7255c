package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditCodeFpeTest extends FormatPreservingContract {

    private static final String[] PREFIXES = {"91110000", "91440300", "92350100", "52310000", "12100000", "93330106"};

    @Override
    MaskingAlgorithm algorithm(SuiteId suite, byte[] key) {
        return new CreditCodeFpe(suite, key);
    }

    @Override
    String generate(Random random) {
        StringBuilder code = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        for (int i = 0; i < 8; i++) {
            code.append(CheckCharacters.CREDIT_CODE_ALPHABET.charAt(random.nextInt(31)));
        }
        code.append(CheckCharacters.organisationCodeCheck(code, 8));
        return code.append(CheckCharacters.creditCodeCheck(code)).toString();
    }

    @Override
    boolean isWellFormed(String masked) {
        return CheckCharacters.isValidCreditCode(masked);
    }

    @Override
    boolean keepsWhatItShould(String original, String masked) {
        return masked.startsWith(original.substring(0, 8));
    }

    @Override
    List<String> invalidInputs() {
        return List.of("91350100M000100Y44", "91350100M000100Y4", "91350100M0001O0Y43", "某某公司");
    }

    @Test
    void readsLowerCase() {
        CreditCodeFpe fpe = new CreditCodeFpe(SuiteId.GM, KEY);
        assertThat(fpe.mask("91350100m000100y43")).isEqualTo(fpe.mask("91350100M000100Y43"));
        assertThat(fpe.mask("91350100M000100Y43")).startsWith("91350100").isNotEqualTo("91350100M000100Y43");
    }
}
