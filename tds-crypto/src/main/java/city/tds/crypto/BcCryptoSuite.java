package city.tds.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** What both suites share: hashing and GCM over BouncyCastle's lightweight primitives. */
abstract class BcCryptoSuite implements CryptoSuite {

    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 16;

    protected final SecureRandom random;

    BcCryptoSuite(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    abstract Digest newDigest();

    abstract BlockCipher newBlockCipher();

    @Override
    public byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public int hashLength() {
        return newDigest().getDigestSize();
    }

    @Override
    public byte[] hash(byte[] data) {
        return newHasher().update(data).digest();
    }

    @Override
    public Hasher newHasher() {
        Digest digest = newDigest();
        return new Hasher() {
            @Override
            public Hasher update(byte[] data, int offset, int length) {
                digest.update(data, offset, length);
                return this;
            }

            @Override
            public byte[] digest() {
                byte[] out = new byte[digest.getDigestSize()];
                digest.doFinal(out, 0);
                return out;
            }
        };
    }

    @Override
    public byte[] mac(byte[] key, byte[] data) {
        HMac hmac = new HMac(newDigest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    @Override
    public SymmetricKey newSymmetricKey() {
        byte[] key = new byte[symmetricKeyLength()];
        random.nextBytes(key);
        return new SymmetricKey(id(), key);
    }

    @Override
    public SymmetricKey symmetricKey(byte[] bytes) {
        if (bytes.length != symmetricKeyLength()) {
            throw new IllegalArgumentException(
                    cipherAlgorithm() + " needs a " + symmetricKeyLength() + "-byte key, got " + bytes.length);
        }
        return new SymmetricKey(id(), bytes);
    }

    @Override
    public byte[] encrypt(SymmetricKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = seal(key, nonce, plaintext, associatedData);
        byte[] out = new byte[NONCE_LENGTH + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
        return out;
    }

    @Override
    public Optional<byte[]> decrypt(SymmetricKey key, byte[] sealed, byte[] associatedData) {
        requireOwnKey(key);
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_LENGTH);
        GCMModeCipher gcm = gcm(false, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE_LENGTH)];
        try {
            int n = gcm.processBytes(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH, out, 0);
            gcm.doFinal(out, n);
            return Optional.of(out);
        } catch (InvalidCipherTextException e) {
            return Optional.empty();
        }
    }

    /** GCM with an explicit nonce: ciphertext then tag. Used by {@link #encrypt} and by known-answer tests. */
    byte[] seal(SymmetricKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        requireOwnKey(key);
        GCMModeCipher gcm = gcm(true, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return out;
    }

    String keyIdOf(byte[] encodedPublicKey) {
        byte[] digest = hash(encodedPublicKey);
        return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
    }

    private GCMModeCipher gcm(boolean encrypt, SymmetricKey key, byte[] nonce, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(newBlockCipher());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key.bytes()), TAG_BITS, nonce, associatedData));
        return gcm;
    }

    void requireOwnKey(SymmetricKey key) {
        if (key.suite() != id()) {
            throw new IllegalArgumentException("a " + key.suite() + " key cannot be used with the " + id() + " suite");
        }
    }
}
