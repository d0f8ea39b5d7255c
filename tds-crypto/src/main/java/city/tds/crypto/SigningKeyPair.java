package city.tds.crypto;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A private signature key and its public key. The private part is held as the suite's primitive key object and is
 * exported only for encryption at rest; {@code toString} shows the key id alone.
 */
public final class SigningKeyPair {

    private final SigningPublicKey publicKey;
    private final Object privateKey;
    private final byte[] privateKeyBytes;
    /** Signers of this key that a suite initialised once and keeps for reuse, each used by one thread at a time. */
    private final Queue<Object> idleSigners = new ConcurrentLinkedQueue<>();

    SigningKeyPair(SigningPublicKey publicKey, Object privateKey, byte[] privateKeyBytes) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.privateKeyBytes = privateKeyBytes.clone();
    }

    public SigningPublicKey publicKey() {
        return publicKey;
    }

    public SuiteId suite() {
        return publicKey.suite();
    }

    public String keyId() {
        return publicKey.keyId();
    }

    Object privateKey() {
        return privateKey;
    }

    Queue<Object> idleSigners() {
        return idleSigners;
    }

    /** The private key bytes, for sealing them at rest. Handle with care. */
    public byte[] exportPrivateKey() {
        return privateKeyBytes.clone();
    }

    @Override
    public String toString() {
        return "SigningKeyPair[" + publicKey.suite() + ", " + publicKey.keyId() + "]";
    }
}
