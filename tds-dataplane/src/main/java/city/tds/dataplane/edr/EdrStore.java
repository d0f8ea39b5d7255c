package city.tds.dataplane.edr;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.time.Instant;
import java.util.Optional;

/** The EDRs a provider issued, in table {@code dp_edr}, by the hash of their token. */
public final class EdrStore {

    private static final String COLUMNS = "token_hash, transfer_id, agreement_id, consumer_id, source_name, issued_at,"
            + " expires_at, revoked_at, revoked_reason";

    private final JdbiUnitOfWork db;

    public EdrStore(Database database) {
        this.db = database.unitOfWork();
    }

    void insert(Edr e) {
        db.withHandle(h -> h.createUpdate("INSERT INTO dp_edr (" + COLUMNS + ") VALUES (:hash, :transfer, :agreement,"
                        + " :consumer, :source, :issued, :expires, NULL, NULL)")
                .bind("hash", e.tokenHash())
                .bind("transfer", e.transferId())
                .bind("agreement", e.agreementId())
                .bind("consumer", e.consumerId())
                .bind("source", e.sourceName())
                .bind("issued", Timestamps.toDb(e.issuedAt()))
                .bind("expires", Timestamps.toDb(e.expiresAt()))
                .execute());
    }

    Optional<Edr> find(String tokenHash) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_edr WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Edr(
                        rs.getString("token_hash"),
                        rs.getString("transfer_id"),
                        rs.getString("agreement_id"),
                        rs.getString("consumer_id"),
                        rs.getString("source_name"),
                        Timestamps.read(rs, "issued_at"),
                        Timestamps.read(rs, "expires_at"),
                        rs.getObject("revoked_at") == null ? null : Timestamps.read(rs, "revoked_at"),
                        rs.getString("revoked_reason")))
                .findOne());
    }

    /** Revokes every live EDR of {@code transferId}; returns how many. */
    int revoke(String transferId, String reason, Instant at) {
        return db.withHandle(h -> h.createUpdate("UPDATE dp_edr SET revoked_at = :at, revoked_reason = :reason"
                        + " WHERE transfer_id = :transfer AND revoked_at IS NULL")
                .bind("at", Timestamps.toDb(at))
                .bind("reason", reason)
                .bind("transfer", transferId)
                .execute());
    }
}
