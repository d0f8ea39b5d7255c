package city.tds.crypto;

import java.util.Optional;

/**
 * One coherent set of algorithms: a hash, a signature scheme and an authenticated cipher. Everything in TDS that hashes,
 * signs or encrypts goes through the node's suite, so that a node is either entirely 国密 or entirely international.
 *
 * <p>Implementations are thread-safe. Randomness comes from the {@link java.security.SecureRandom} they were built with.
 */
public interface CryptoSuite {

    SuiteId id();

    /** Fresh bytes from the suite's secure random source (salts, nonces, secrets). */
    byte[] randomBytes(int length);

    /** {@code SM3} or {@code SHA-256}. */
    String hashAlgorithm();

    /** Length in bytes of {@link #hash} output (32 for both suites). */
    int hashLength();

    byte[] hash(byte[] data);

    /** An incremental hash for data that arrives in pieces. */
    Hasher newHasher();

    /**
     * A keyed hash (HMAC, RFC 2104, over this suite's hash: HMAC-SM3 or HMAC-SHA-256), for keyed pseudonyms and for
     * deriving keys from a secret with a label.
     */
    byte[] mac(byte[] key, byte[] data);

    /** {@code SM2-SM3} or {@code Ed25519}. */
    String signatureAlgorithm();

    SigningKeyPair generateSigningKeyPair();

    /**
     * Rebuilds a key pair from its private key bytes (an SM2 scalar or an Ed25519 seed, 32 bytes).
     *
     * @throws IllegalArgumentException if the bytes are not a valid private key for this suite
     */
    SigningKeyPair restoreSigningKeyPair(byte[] privateKey);

    /**
     * Reads a public key in this suite's encoding (an uncompressed SM2 point of 65 bytes, or 32 Ed25519 bytes).
     *
     * @return empty if the bytes are not a valid public key (wrong length, not on the curve)
     */
    Optional<SigningPublicKey> readPublicKey(byte[] encoded);

    /** Signs a message. SM2 signatures are 64 bytes {@code r || s}; Ed25519 signatures are 64 bytes. */
    byte[] sign(SigningKeyPair keyPair, byte[] message);

    /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}. Never throws. */
    boolean verify(SigningPublicKey publicKey, byte[] message, byte[] signature);

    /** {@code SM4-GCM} or {@code AES-256-GCM}. */
    String cipherAlgorithm();

    /** Length in bytes of this suite's symmetric keys (16 for SM4, 32 for AES-256). */
    int symmetricKeyLength();

    SymmetricKey newSymmetricKey();

    /**
     * Wraps raw key bytes (a key unwrapped from storage, or derived from a passphrase) as a key of this suite.
     *
     * @throws IllegalArgumentException if the length is not {@link #symmetricKeyLength()}
     */
    SymmetricKey symmetricKey(byte[] bytes);

    /**
     * Encrypts and authenticates {@code plaintext}, binding {@code associatedData} to it.
     *
     * @return a fresh 12-byte nonce, then the ciphertext, then the 16-byte tag
     */
    byte[] encrypt(SymmetricKey key, byte[] plaintext, byte[] associatedData);

    /**
     * Reverses {@link #encrypt}.
     *
     * @return the plaintext, or empty if the data, the associated data or the key does not authenticate
     */
    Optional<byte[]> decrypt(SymmetricKey key, byte[] sealed, byte[] associatedData);
}
