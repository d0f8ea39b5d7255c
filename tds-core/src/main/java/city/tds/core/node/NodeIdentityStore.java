package city.tds.core.node;

import java.util.Optional;

/** Keeps the node's own {@link NodeIdentity}: exactly one row, written once. */
public interface NodeIdentityStore {

    Optional<NodeIdentity> find();

    /**
     * Stores the identity of a node starting for the first time.
     *
     * @throws IllegalStateException if an identity is already stored
     */
    void create(NodeIdentity identity);
}
