package city.tds.server.node;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** What {@code GET /api/v1/node} says about a node. */
public record NodeDescription(
        String nodeId,
        String name,
        List<String> roles,
        String version,
        String cryptoSuite,
        Algorithms algorithms,
        SigningKey signingKey,
        URI publicUrl,
        Instant createdAt,
        Instant startedAt) {

    public record Algorithms(String hash, String signature, String cipher) {}

    public record SigningKey(String keyId, String algorithm, String publicKey) {}
}
