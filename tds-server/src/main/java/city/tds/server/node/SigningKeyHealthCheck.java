package city.tds.server.node;

import city.tds.core.health.HealthCheck;
import city.tds.core.health.HealthStatus;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Signs and verifies a probe with the node key, so that a broken key or provider shows up in {@code /health}. */
final class SigningKeyHealthCheck implements HealthCheck {

    private static final byte[] PROBE = "tds health probe".getBytes(StandardCharsets.US_ASCII);

    private final CryptoSuite suite;
    private final SigningKeyPair keys;

    SigningKeyHealthCheck(CryptoSuite suite, SigningKeyPair keys) {
        this.suite = suite;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "signingKey";
    }

    @Override
    public HealthStatus check() {
        boolean works = suite.verify(keys.publicKey(), PROBE, suite.sign(keys, PROBE));
        if (!works) {
            return HealthStatus.down("the node key failed its sign/verify self-test");
        }
        return HealthStatus.up(Map.of("keyId", keys.keyId(), "algorithm", suite.signatureAlgorithm()));
    }
}
