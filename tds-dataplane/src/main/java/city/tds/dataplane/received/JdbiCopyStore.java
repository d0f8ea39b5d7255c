package city.tds.dataplane.received;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link CopyStore} on table {@code dp_copy}. */
public final class JdbiCopyStore implements CopyStore {

    private static final String COLUMNS = "id, transfer_id, agreement_id, provider_id, media_type, state, sealed_key,"
            + " bytes, records, digest, provider_digest, uses, problem, version, created_at, updated_at";

    private final JdbiUnitOfWork db;

    public JdbiCopyStore(Database database) {
        this.db = database.unitOfWork();
    }

    @Override
    public boolean insert(ReceivedCopy c) {
        return db.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO dp_copy (" + COLUMNS + ") VALUES (:id, :transferId,"
                                        + " :agreementId, :providerId, :mediaType, :state, :sealedKey, :bytes,"
                                        + " :records, :digest, :providerDigest, :uses, :problem, :version,"
                                        + " :createdAt, :updatedAt) ON CONFLICT DO NOTHING"),
                                c)
                        .execute())
                == 1;
    }

    @Override
    public boolean update(ReceivedCopy c, long expectedVersion) {
        return db.withHandle(h -> bind(
                                h.createUpdate("UPDATE dp_copy SET state = :state, sealed_key = :sealedKey,"
                                        + " bytes = :bytes, records = :records, digest = :digest,"
                                        + " provider_digest = :providerDigest, uses = :uses, problem = :problem,"
                                        + " version = :version, updated_at = :updatedAt"
                                        + " WHERE id = :id AND version = :expected"),
                                c)
                        .bind("expected", expectedVersion)
                        .execute())
                == 1;
    }

    @Override
    public Optional<ReceivedCopy> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_copy WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> copy(rs))
                .findOne());
    }

    @Override
    public Optional<ReceivedCopy> findByTransfer(String transferId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_copy WHERE transfer_id = :t")
                .bind("t", transferId)
                .map((rs, ctx) -> copy(rs))
                .findOne());
    }

    @Override
    public List<ReceivedCopy> live(String agreementId, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_copy WHERE state <> 'DELETED'"
                        + (agreementId == null ? "" : " AND agreement_id = :agreement")
                        + " ORDER BY created_at, id LIMIT :limit")
                .bind("agreement", agreementId)
                .bind("limit", limit)
                .map((rs, ctx) -> copy(rs))
                .list());
    }

    @Override
    public List<ReceivedCopy> list(int limit) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_copy ORDER BY created_at DESC, id DESC LIMIT :limit")
                        .bind("limit", limit)
                        .map((rs, ctx) -> copy(rs))
                        .list());
    }

    private static <S extends SqlStatement<S>> S bind(S s, ReceivedCopy c) {
        return s.bind("id", c.id())
                .bind("transferId", c.transferId())
                .bind("agreementId", c.agreementId())
                .bind("providerId", c.providerId())
                .bind("mediaType", c.mediaType())
                .bind("state", c.state().name())
                .bind("sealedKey", c.sealedKey())
                .bind("bytes", c.bytes())
                .bind("records", c.records())
                .bind("digest", c.digest())
                .bind("providerDigest", c.providerDigest())
                .bind("uses", c.uses())
                .bind("problem", c.problem())
                .bind("version", c.version())
                .bind("createdAt", Timestamps.toDb(c.createdAt()))
                .bind("updatedAt", Timestamps.toDb(c.updatedAt()));
    }

    private static ReceivedCopy copy(ResultSet rs) throws SQLException {
        return new ReceivedCopy(
                rs.getString("id"),
                rs.getString("transfer_id"),
                rs.getString("agreement_id"),
                rs.getString("provider_id"),
                rs.getString("media_type"),
                CopyState.valueOf(rs.getString("state")),
                rs.getBytes("sealed_key"),
                rs.getLong("bytes"),
                rs.getLong("records"),
                rs.getString("digest"),
                rs.getString("provider_digest"),
                rs.getLong("uses"),
                rs.getString("problem"),
                rs.getLong("version"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
