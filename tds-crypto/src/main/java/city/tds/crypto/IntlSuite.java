package city.tds.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** International suite: Ed25519 (RFC 8032), SHA-256, AES-256-GCM. */
public final class IntlSuite extends BcCryptoSuite {

    public IntlSuite(SecureRandom random) {
        super(random);
    }

    @Override
    public SuiteId id() {
        return SuiteId.INTL;
    }

    @Override
    public String hashAlgorithm() {
        return "SHA-256";
    }

    @Override
    public String signatureAlgorithm() {
        return "Ed25519";
    }

    @Override
    public String cipherAlgorithm() {
        return "AES-256-GCM";
    }

    @Override
    public int symmetricKeyLength() {
        return 32;
    }

    @Override
    Digest newDigest() {
        return SHA256Digest.newInstance();
    }

    /** The JDK's SHA-256, which uses the CPU's SHA instructions where they exist (about 5 times BouncyCastle's). */
    @Override
    public Hasher newHasher() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return new Hasher() {
            @Override
            public Hasher update(byte[] data, int offset, int length) {
                digest.update(data, offset, length);
                return this;
            }

            @Override
            public byte[] digest() {
                return digest.digest();
            }
        };
    }

    /**
     * The JDK's AES-GCM, which uses the CPU's AES and carry-less multiply instructions (measured here: 4–5 GB/s
     * against BouncyCastle's software AES); the same sealed form as the other suite (nonce, ciphertext, tag).
     */
    @Override
    public Optional<byte[]> decrypt(SymmetricKey key, byte[] sealed, byte[] associatedData) {
        requireOwnKey(key);
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_LENGTH));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            return Optional.of(cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    /** The nonce, then the ciphertext and tag written straight after it: one array, no copy. */
    @Override
    public byte[] encrypt(SymmetricKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] out = new byte[NONCE_LENGTH + plaintext.length + TAG_BITS / 8];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        sealInto(key, nonce, plaintext, associatedData, out, NONCE_LENGTH);
        return out;
    }

    @Override
    byte[] seal(SymmetricKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        byte[] out = new byte[plaintext.length + TAG_BITS / 8];
        sealInto(key, nonce, plaintext, associatedData, out, 0);
        return out;
    }

    /**
     * Encrypts in slices of {@value #SLICE} bytes: the JIT replaces GHASH and AES-CTR with the CPU's instructions only
     * in code it has compiled, and a few calls per MiB leave that code interpreted for long (measured: a copy sealing
     * 1 MiB chunks in one call ran GHASH in Java at about 150 MB/s).
     */
    private void sealInto(SymmetricKey key, byte[] nonce, byte[] plaintext, byte[] associatedData, byte[] out, int at) {
        requireOwnKey(key);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            int written = at;
            for (int from = 0; from < plaintext.length; from += SLICE) {
                written += cipher.update(plaintext, from, Math.min(SLICE, plaintext.length - from), out, written);
            }
            cipher.doFinal(out, written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    private static final int SLICE = 16 * 1024;

    @Override
    BlockCipher newBlockCipher() {
        return AESEngine.newInstance();
    }

    @Override
    public SigningKeyPair generateSigningKeyPair() {
        return keyPair(new Ed25519PrivateKeyParameters(random));
    }

    @Override
    public SigningKeyPair restoreSigningKeyPair(byte[] privateKey) {
        if (privateKey.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, got " + privateKey.length);
        }
        return keyPair(new Ed25519PrivateKeyParameters(privateKey, 0));
    }

    @Override
    public Optional<SigningPublicKey> readPublicKey(byte[] encoded) {
        if (encoded == null
                || encoded.length != Ed25519PublicKeyParameters.KEY_SIZE
                || !Ed25519.validatePublicKeyFull(encoded, 0)) {
            return Optional.empty();
        }
        return Optional.of(new SigningPublicKey(SuiteId.INTL, encoded, keyIdOf(encoded)));
    }

    @Override
    public byte[] sign(SigningKeyPair keyPair, byte[] message) {
        if (keyPair.suite() != SuiteId.INTL) {
            throw new IllegalArgumentException("not an Ed25519 key pair: " + keyPair);
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, (Ed25519PrivateKeyParameters) keyPair.privateKey());
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public boolean verify(SigningPublicKey publicKey, byte[] message, byte[] signature) {
        if (publicKey.suite() != SuiteId.INTL || signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        try {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, new Ed25519PublicKeyParameters(publicKey.encoded(), 0));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private SigningKeyPair keyPair(Ed25519PrivateKeyParameters privateKey) {
        byte[] encoded = privateKey.generatePublicKey().getEncoded();
        SigningPublicKey publicKey = new SigningPublicKey(SuiteId.INTL, encoded, keyIdOf(encoded));
        return new SigningKeyPair(publicKey, privateKey, privateKey.getEncoded());
    }
}
