package city.tds.dataplane;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SymmetricKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seals secrets and data keys at rest with the node's sealing key (SM4-GCM in the GM suite, AES-256-GCM in INTL),
 * each bound to what it belongs to (its associated data), so that a sealed value moved to another row does not open.
 * The sealing key is derived from the node's private key (a keyed hash with a fixed label), which is itself kept
 * encrypted under the node's passphrase: whoever cannot open the node's key file cannot open what is sealed.
 */
public final class Sealing {

    private static final byte[] LABEL = "tds/sealing-key/v1".getBytes(StandardCharsets.US_ASCII);

    private final CryptoSuite suite;
    private final SymmetricKey key;

    public Sealing(CryptoSuite suite, SymmetricKey key) {
        this.suite = suite;
        this.key = key;
    }

    /** The sealing key of a node whose signing key pair is {@code nodeKeys}. */
    public static Sealing of(CryptoSuite suite, SigningKeyPair nodeKeys) {
        byte[] secret = nodeKeys.exportPrivateKey();
        byte[] derived = suite.mac(secret, LABEL);
        Arrays.fill(secret, (byte) 0);
        SymmetricKey key = suite.symmetricKey(Arrays.copyOf(derived, suite.symmetricKeyLength()));
        Arrays.fill(derived, (byte) 0);
        return new Sealing(suite, key);
    }

    public CryptoSuite suite() {
        return suite;
    }

    public byte[] seal(byte[] secret, String boundTo) {
        return suite.encrypt(key, secret, boundTo.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret, or empty if {@code sealed} was not sealed by this node for {@code boundTo}. */
    public Optional<byte[]> open(byte[] sealed, String boundTo) {
        return suite.decrypt(key, sealed, boundTo.getBytes(StandardCharsets.UTF_8));
    }
}
