package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.util.Locale;

/**
 * Algorithm {@code fpe-credit-code}: replaces an 18-character 统一社会信用代码 (GB 32100) with another under a key.
 *
 * <p>The registering authority, the organisation type and the six-digit region code (characters 1–8) stay and serve
 * as tweak; the eight-character body of the organisation code (characters 9–16) is encrypted with FF1 in radix 31
 * over {@link CheckCharacters#CREDIT_CODE_ALPHABET}; then the organisation code's GB 11714 check character (17th) and
 * the code's GB 32100 check character (18th) are computed afresh, so the result passes both checks. FF1 is a
 * permutation, so different codes never give the same result.
 *
 * <p>A value that is not a valid credit code (length, alphabet, either check character) is masked entirely with
 * {@code *}. Lower-case letters are read as upper case.
 */
public final class CreditCodeFpe implements MaskingAlgorithm {

    private final Ff1Cipher cipher;

    public CreditCodeFpe(SuiteId suite, byte[] maskingKey) {
        this.cipher = new Ff1Cipher(suite, maskingKey, "fpe-credit-code", 31);
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!CheckCharacters.isValidCreditCode(code)) {
            return CodePoints.maskAll(value, '*');
        }
        byte[] tweak = new byte[8];
        for (int i = 0; i < 8; i++) {
            tweak[i] = (byte) code.charAt(i);
        }
        byte[] block = new byte[8];
        for (int i = 0; i < 8; i++) {
            block[i] = (byte) CheckCharacters.CREDIT_CODE_ALPHABET.indexOf(code.charAt(8 + i));
        }
        cipher.encrypt(tweak, block);
        char[] out = new char[18];
        code.getChars(0, 8, out, 0);
        for (int i = 0; i < 8; i++) {
            out[8 + i] = CheckCharacters.CREDIT_CODE_ALPHABET.charAt(block[i]);
        }
        String body = new String(out, 0, 16);
        out[16] = CheckCharacters.organisationCodeCheck(body, 8);
        out[17] = CheckCharacters.creditCodeCheck(new String(out, 0, 17));
        return new String(out);
    }
}
