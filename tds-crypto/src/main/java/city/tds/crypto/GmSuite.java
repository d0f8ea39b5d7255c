package city.tds.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * 国密 suite: SM2 signatures over the recommended curve sm2p256v1 with SM3 and the standard user id
 * {@code 1234567812345678} (GM/T 0009), SM3 hashing, SM4 in GCM mode (as in RFC 8998).
 */
public final class GmSuite extends BcCryptoSuite {

    /** The default signer identity of GM/T 0009-2012, used for every SM2 signature. */
    public static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final int FIELD_BYTES = 32;
    /** How many verification keys {@link #verify} keeps prepared; past this it forgets them all and starts over. */
    private static final int PREPARED_KEYS = 1024;

    /**
     * Verification keys decoded once, keyed by key id: the curve point keeps BouncyCastle's precomputed multiples, so
     * a key seen before verifies in about half the time (about 0.3 ms to 0.13 ms here).
     */
    private final ConcurrentHashMap<String, PreparedKey> preparedKeys = new ConcurrentHashMap<>();

    private record PreparedKey(byte[] encoded, ECPublicKeyParameters parameters) {}

    public GmSuite(SecureRandom random) {
        super(random);
    }

    @Override
    public SuiteId id() {
        return SuiteId.GM;
    }

    @Override
    public String hashAlgorithm() {
        return "SM3";
    }

    @Override
    public String signatureAlgorithm() {
        return "SM2-SM3";
    }

    @Override
    public String cipherAlgorithm() {
        return "SM4-GCM";
    }

    @Override
    public int symmetricKeyLength() {
        return 16;
    }

    @Override
    Digest newDigest() {
        return new SM3Digest();
    }

    @Override
    BlockCipher newBlockCipher() {
        return new Sm4TableEngine();
    }

    @Override
    public SigningKeyPair generateSigningKeyPair() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return keyPair((ECPrivateKeyParameters) pair.getPrivate());
    }

    @Override
    public SigningKeyPair restoreSigningKeyPair(byte[] privateKey) {
        if (privateKey.length != FIELD_BYTES) {
            throw new IllegalArgumentException("an SM2 private key has 32 bytes, got " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        // SM2 requires 1 <= d <= n - 2 (GB/T 32918.1, 6.1)
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.TWO)) > 0) {
            throw new IllegalArgumentException("the SM2 private key is out of range");
        }
        return keyPair(new ECPrivateKeyParameters(d, DOMAIN));
    }

    @Override
    public Optional<SigningPublicKey> readPublicKey(byte[] encoded) {
        if (encoded == null || encoded.length != 1 + 2 * FIELD_BYTES || encoded[0] != 0x04) {
            return Optional.empty();
        }
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                return Optional.empty();
            }
            return Optional.of(new SigningPublicKey(SuiteId.GM, encoded, keyIdOf(encoded)));
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
    }

    /**
     * Signs with a signer kept idle on the key pair when there is one: initialising an SM2 signer multiplies the
     * curve's base point by the private key (to hash the signer's identity), which is about as costly as the
     * signature itself. A signer is used by one thread at a time and resets itself after each signature.
     */
    @Override
    public byte[] sign(SigningKeyPair keyPair, byte[] message) {
        if (keyPair.suite() != SuiteId.GM) {
            throw new IllegalArgumentException("not an SM2 key pair: " + keyPair);
        }
        Queue<Object> idle = keyPair.idleSigners();
        SM2Signer signer = (SM2Signer) idle.poll();
        if (signer == null) {
            signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(
                    true,
                    new ParametersWithID(
                            new ParametersWithRandom((ECPrivateKeyParameters) keyPair.privateKey(), random),
                            DEFAULT_USER_ID));
        }
        signer.update(message, 0, message.length);
        byte[] signature;
        try {
            signature = signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
        idle.offer(signer); // only after a signature that succeeded: the signer is reset and ready again
        return signature;
    }

    @Override
    public boolean verify(SigningPublicKey publicKey, byte[] message, byte[] signature) {
        if (publicKey.suite() != SuiteId.GM || signature == null || signature.length != 2 * FIELD_BYTES) {
            return false;
        }
        try {
            SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(false, new ParametersWithID(prepared(publicKey), DEFAULT_USER_ID));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private ECPublicKeyParameters prepared(SigningPublicKey publicKey) {
        byte[] encoded = publicKey.encoded();
        PreparedKey known = preparedKeys.get(publicKey.keyId());
        if (known != null && Arrays.equals(known.encoded(), encoded)) {
            return known.parameters();
        }
        ECPublicKeyParameters parameters =
                new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(encoded), DOMAIN);
        if (preparedKeys.size() >= PREPARED_KEYS) {
            preparedKeys.clear();
        }
        preparedKeys.put(publicKey.keyId(), new PreparedKey(encoded, parameters));
        return parameters;
    }

    private SigningKeyPair keyPair(ECPrivateKeyParameters privateKey) {
        ECPoint q = new FixedPointCombMultiplier()
                .multiply(DOMAIN.getG(), privateKey.getD())
                .normalize();
        byte[] encoded = q.getEncoded(false);
        SigningPublicKey publicKey = new SigningPublicKey(SuiteId.GM, encoded, keyIdOf(encoded));
        return new SigningKeyPair(
                publicKey, privateKey, BigIntegers.asUnsignedByteArray(FIELD_BYTES, privateKey.getD()));
    }
}
