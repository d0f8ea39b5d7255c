package city.tds.governance.mask;

import city.tds.crypto.Sm4TableEngine;
import city.tds.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash and block cipher of each suite (SM3/SM4 or SHA-256/AES-256), and the derivation of per-use keys. */
final class SuitePrimitives {

    private SuitePrimitives() {}

    static Digest newDigest(SuiteId suite) {
        return suite == SuiteId.GM ? new SM3Digest() : SHA256Digest.newInstance();
    }

    static BlockCipher newBlockCipher(SuiteId suite) {
        return suite == SuiteId.GM ? new Sm4TableEngine() : AESEngine.newInstance();
    }

    /** 16 bytes for SM4, 32 for AES-256. */
    static int blockCipherKeyLength(SuiteId suite) {
        return suite == SuiteId.GM ? 16 : 32;
    }

    static HMac newMac(SuiteId suite, byte[] key) {
        HMac mac = new HMac(newDigest(suite));
        mac.init(new KeyParameter(key));
        return mac;
    }

    /**
     * A key for one use of a masking key: HMAC of the label {@code tds-mask/<label>} under the masking key, cut to
     * {@code length} bytes. One masking key can so serve keyed hashing and each format-preserving algorithm without
     * the uses sharing key material.
     */
    static byte[] deriveKey(SuiteId suite, byte[] maskingKey, String label, int length) {
        HMac mac = newMac(suite, maskingKey);
        byte[] info = ("tds-mask/" + label).getBytes(StandardCharsets.US_ASCII);
        mac.update(info, 0, info.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        if (length > out.length) {
            throw new IllegalArgumentException("cannot derive more than " + out.length + " bytes");
        }
        return Arrays.copyOf(out, length);
    }
}
