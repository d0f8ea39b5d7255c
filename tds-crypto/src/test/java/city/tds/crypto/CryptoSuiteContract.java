package city.tds.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link CryptoSuite} must do. Each suite's test extends this and adds its known-answer tests. */
abstract class CryptoSuiteContract {

    private static final byte[] MESSAGE = "授权合同 agreement 42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "transfer:t1".getBytes(StandardCharsets.UTF_8);

    protected abstract CryptoSuite suite(SecureRandom random);

    protected final CryptoSuite suite = suite(new SecureRandom());

    @Test
    void signaturesVerifyAndAnyChangeBreaksThem() {
        SigningKeyPair keys = suite.generateSigningKeyPair();
        byte[] signature = suite.sign(keys, MESSAGE);

        assertThat(signature).hasSize(64);
        assertThat(suite.verify(keys.publicKey(), MESSAGE, signature)).isTrue();

        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        assertThat(suite.verify(keys.publicKey(), otherMessage, signature)).isFalse();

        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] damaged = signature.clone();
            damaged[i] ^= 1;
            assertThat(suite.verify(keys.publicKey(), MESSAGE, damaged))
                    .as("signature altered at byte %d", i)
                    .isFalse();
        }
        SigningKeyPair stranger = suite.generateSigningKeyPair();
        assertThat(suite.verify(stranger.publicKey(), MESSAGE, signature)).isFalse();
    }

    @Test
    void oneKeyPairSignsManyMessagesFromManyThreadsEachSignatureItsOwn() throws Exception {
        SigningKeyPair keys = suite.generateSigningKeyPair();
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Boolean> checks = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        byte[] message = ("message " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                        byte[] signature = suite.sign(keys, message);
                        byte[] other = ("message " + thread + "/" + (i + 1)).getBytes(StandardCharsets.UTF_8);
                        checks.add(suite.verify(keys.publicKey(), message, signature));
                        checks.add(!suite.verify(keys.publicKey(), other, signature));
                    }
                    return checks;
                }));
            }
            for (Future<List<Boolean>> result : results) {
                assertThat(result.get()).hasSize(2 * each).containsOnly(true);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMacDependsOnKeyAndMessage() {
        byte[] key = suite.randomBytes(32);
        byte[] mac = suite.mac(key, MESSAGE);

        assertThat(mac).hasSize(suite.hashLength()).isEqualTo(suite.mac(key.clone(), MESSAGE.clone()));
        assertThat(suite.mac(suite.randomBytes(32), MESSAGE)).isNotEqualTo(mac);
        byte[] other = MESSAGE.clone();
        other[other.length - 1] ^= 1;
        assertThat(suite.mac(key, other)).isNotEqualTo(mac);
        assertThat(mac).isNotEqualTo(suite.hash(MESSAGE));
    }

    @Test
    void malformedSignaturesAreRejectedNotThrown() {
        SigningKeyPair keys = suite.generateSigningKeyPair();
        assertThat(suite.verify(keys.publicKey(), MESSAGE, new byte[0])).isFalse();
        assertThat(suite.verify(keys.publicKey(), MESSAGE, new byte[63])).isFalse();
        assertThat(suite.verify(keys.publicKey(), MESSAGE, new byte[64])).isFalse();
        assertThat(suite.verify(keys.publicKey(), MESSAGE, null)).isFalse();
    }

    @Test
    void aKeyPairRestoredFromItsPrivateKeyIsTheSame() {
        SigningKeyPair keys = suite.generateSigningKeyPair();
        SigningKeyPair restored = suite.restoreSigningKeyPair(keys.exportPrivateKey());

        assertThat(restored.publicKey()).isEqualTo(keys.publicKey());
        assertThat(restored.keyId()).isEqualTo(keys.keyId()).hasSize(32);
        assertThat(suite.verify(keys.publicKey(), MESSAGE, suite.sign(restored, MESSAGE)))
                .isTrue();
        assertThat(keys.toString()).doesNotContain(Hex.hex(keys.exportPrivateKey()));
    }

    @Test
    void publicKeysRoundTripThroughTheirEncoding() {
        SigningPublicKey publicKey = suite.generateSigningKeyPair().publicKey();
        assertThat(suite.readPublicKey(publicKey.encoded())).contains(publicKey);
        assertThat(suite.readPublicKey(new byte[3])).isEmpty();
        assertThat(suite.readPublicKey(null)).isEmpty();
    }

    @Test
    void keysOfTheOtherSuiteAreRefused() {
        CryptoSuite other =
                suite.id() == SuiteId.GM ? new IntlSuite(new SecureRandom()) : new GmSuite(new SecureRandom());
        SigningKeyPair foreign = other.generateSigningKeyPair();
        assertThatThrownBy(() -> suite.sign(foreign, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(suite.verify(foreign.publicKey(), MESSAGE, other.sign(foreign, MESSAGE)))
                .isFalse();
        SymmetricKey foreignKey = other.newSymmetricKey();
        assertThatThrownBy(() -> suite.encrypt(foreignKey, MESSAGE, AAD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptionRoundTripsAndUsesAFreshNonceEachTime() {
        SymmetricKey key = suite.newSymmetricKey();
        byte[] first = suite.encrypt(key, MESSAGE, AAD);
        byte[] second = suite.encrypt(key, MESSAGE, AAD);

        assertThat(first).hasSize(12 + MESSAGE.length + 16);
        assertThat(first).isNotEqualTo(second);
        assertThat(suite.decrypt(key, first, AAD))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(MESSAGE));
        assertThat(suite.decrypt(key, suite.encrypt(key, new byte[0], new byte[0]), new byte[0]))
                .hasValueSatisfying(p -> assertThat(p).isEmpty());
    }

    @Test
    void anyTamperingWithCiphertextNonceTagOrAssociatedDataIsDetected() {
        SymmetricKey key = suite.newSymmetricKey();
        byte[] sealed = suite.encrypt(key, MESSAGE, AAD);

        for (int i : new int[] {0, 11, 12, sealed.length - 17, sealed.length - 1}) {
            byte[] damaged = sealed.clone();
            damaged[i] ^= 1;
            assertThat(suite.decrypt(key, damaged, AAD))
                    .as("byte %d altered", i)
                    .isEmpty();
        }
        assertThat(suite.decrypt(key, sealed, "transfer:t2".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(suite.decrypt(suite.newSymmetricKey(), sealed, AAD)).isEmpty();
        assertThat(suite.decrypt(key, java.util.Arrays.copyOf(sealed, 20), AAD)).isEmpty();
    }

    @Test
    void symmetricKeysHaveTheSuiteLengthAndHideTheirBytes() {
        SymmetricKey key = suite.newSymmetricKey();
        assertThat(key.exportBytes()).hasSize(suite.symmetricKeyLength());
        assertThat(key.toString()).doesNotContain(Hex.hex(key.exportBytes()));
        assertThatThrownBy(() -> suite.symmetricKey(new byte[suite.symmetricKeyLength() + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incrementalHashingEqualsOneShotHashing() {
        byte[] data = new byte[1000];
        new SecureRandom().nextBytes(data);
        Hasher hasher = suite.newHasher();
        hasher.update(data, 0, 100).update(data, 100, 900);
        assertThat(hasher.digest()).isEqualTo(suite.hash(data)).hasSize(suite.hashLength());
    }
}
