package city.tds.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * A public signature key together with its key id: the lower-case hex of the first 16 bytes of the suite hash of the
 * encoded key. The id names the key in signed tree heads, receipts and credentials.
 */
public final class SigningPublicKey {

    private final SuiteId suite;
    private final byte[] encoded;
    private final String keyId;

    SigningPublicKey(SuiteId suite, byte[] encoded, String keyId) {
        this.suite = suite;
        this.encoded = encoded.clone();
        this.keyId = keyId;
    }

    public SuiteId suite() {
        return suite;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public String keyId() {
        return keyId;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningPublicKey that && suite == that.suite && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * suite.hashCode() + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SigningPublicKey[" + suite + ", " + keyId + "]";
    }
}
