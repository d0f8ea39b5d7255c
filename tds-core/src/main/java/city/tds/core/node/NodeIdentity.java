package city.tds.core.node;

import java.time.Instant;
import java.util.Objects;

/**
 * Who a node is, fixed at its first start and kept in its database.
 *
 * @param nodeId a unique id generated at first start
 * @param name the configured name, e.g. {@code tax-bureau}
 * @param cryptoSuite the crypto suite the node was created with ({@code GM} or {@code INTL}); a node never changes it
 * @param createdAt when the node first started
 */
public record NodeIdentity(String nodeId, String name, String cryptoSuite, Instant createdAt) {

    public NodeIdentity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cryptoSuite, "cryptoSuite");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
