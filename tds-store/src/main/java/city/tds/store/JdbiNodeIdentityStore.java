package city.tds.store;

import city.tds.core.node.NodeIdentity;
import city.tds.core.node.NodeIdentityStore;
import java.util.Optional;

/** {@link NodeIdentityStore} in the {@code node_identity} table. */
public final class JdbiNodeIdentityStore implements NodeIdentityStore {

    private final JdbiUnitOfWork db;

    public JdbiNodeIdentityStore(Database database) {
        this.db = database.unitOfWork();
    }

    @Override
    public Optional<NodeIdentity> find() {
        return db.withHandle(h -> h.createQuery(
                        "SELECT node_id, name, crypto_suite, created_at FROM node_identity WHERE singleton = 1")
                .map((rs, ctx) -> new NodeIdentity(
                        rs.getString("node_id"),
                        rs.getString("name"),
                        rs.getString("crypto_suite"),
                        Timestamps.read(rs, "created_at")))
                .findOne());
    }

    @Override
    public void create(NodeIdentity identity) {
        if (find().isPresent()) {
            throw new IllegalStateException("this database already belongs to a node");
        }
        db.withHandle(
                h -> h.createUpdate("INSERT INTO node_identity (singleton, node_id, name, crypto_suite, created_at)"
                                + " VALUES (1, :nodeId, :name, :suite, :createdAt)")
                        .bind("nodeId", identity.nodeId())
                        .bind("name", identity.name())
                        .bind("suite", identity.cryptoSuite())
                        .bind("createdAt", Timestamps.toDb(identity.createdAt()))
                        .execute());
    }
}
