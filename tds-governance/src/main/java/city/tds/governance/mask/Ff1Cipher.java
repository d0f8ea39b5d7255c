package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.util.Arrays;
import org.bouncycastle.crypto.fpe.FPEEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G) over BouncyCastle's engine, with the suite's block cipher (SM4
 * in GM, AES-256 in INTL): a keyed permutation of the strings of {@code length} digits in {@code radix}, one
 * permutation per tweak. Each thread keeps its own engine, and re-initialises it only when the tweak changes.
 */
final class Ff1Cipher {

    private final SuiteId suite;
    private final KeyParameter key;
    private final int radix;
    private final ThreadLocal<Engine> perThread;

    private static final class Engine {
        final FPEEngine engine;
        byte[] tweak;

        Engine(FPEEngine engine) {
            this.engine = engine;
        }
    }

    /**
     * @param label distinguishes the uses of one masking key ({@code fpe-id}, {@code fpe-mobile}, ...)
     */
    Ff1Cipher(SuiteId suite, byte[] maskingKey, String label, int radix) {
        this.suite = suite;
        this.key = new KeyParameter(
                SuitePrimitives.deriveKey(suite, maskingKey, label, SuitePrimitives.blockCipherKeyLength(suite)));
        this.radix = radix;
        this.perThread =
                ThreadLocal.withInitial(() -> new Engine(new FPEFF1Engine(SuitePrimitives.newBlockCipher(this.suite))));
    }

    /** Encrypts the digits (each byte one digit below the radix) in place. */
    void encrypt(byte[] tweak, byte[] digits) {
        Engine engine = perThread.get();
        if (engine.tweak == null || !Arrays.equals(engine.tweak, tweak)) {
            engine.engine.init(true, new FPEParameters(key, radix, tweak));
            engine.tweak = tweak.clone();
        }
        engine.engine.processBlock(digits, 0, digits.length, digits, 0);
    }
}
