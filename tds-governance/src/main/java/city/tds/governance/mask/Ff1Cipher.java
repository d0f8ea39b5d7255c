package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G) with the suite's block cipher (SM4 in GM, AES-256 in INTL): a
 * keyed permutation of the strings of a given length in {@code radix}, one permutation per tweak. The strings masked
 * here are short, so it runs {@link SmallDomainFf1} (longs, one block encryption per round); each thread keeps its own
 * cipher and one FF1 per string length.
 */
final class Ff1Cipher {

    private static final int MAX_LENGTH = 32;

    private final SuiteId suite;
    private final KeyParameter key;
    private final int radix;
    private final ThreadLocal<SmallDomainFf1[]> perThread =
            ThreadLocal.withInitial(() -> new SmallDomainFf1[MAX_LENGTH]);

    /**
     * @param label distinguishes the uses of one masking key ({@code fpe-id}, {@code fpe-mobile}, ...)
     */
    Ff1Cipher(SuiteId suite, byte[] maskingKey, String label, int radix) {
        this.suite = suite;
        this.key = new KeyParameter(
                SuitePrimitives.deriveKey(suite, maskingKey, label, SuitePrimitives.blockCipherKeyLength(suite)));
        this.radix = radix;
    }

    /** Encrypts the digits (each byte one digit below the radix, at most 32 of them) in place. */
    void encrypt(byte[] tweak, byte[] digits) {
        SmallDomainFf1[] byLength = perThread.get();
        SmallDomainFf1 ff1 = byLength[digits.length];
        if (ff1 == null) {
            BlockCipher cipher = SuitePrimitives.newBlockCipher(suite);
            cipher.init(true, key);
            ff1 = new SmallDomainFf1(cipher, radix, digits.length);
            byLength[digits.length] = ff1;
        }
        ff1.encrypt(tweak, digits);
    }
}
