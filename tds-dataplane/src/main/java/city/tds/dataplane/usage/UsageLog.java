package city.tds.dataplane.usage;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.util.List;
import org.jdbi.v3.core.statement.Update;

/** The metered usage of a connector, in table {@code dp_usage}; written in the caller's unit of work. */
public final class UsageLog {

    private final JdbiUnitOfWork db;

    public UsageLog(Database database) {
        this.db = database.unitOfWork();
    }

    public void record(UsageEvent e) {
        db.withHandle(h -> bind(
                        h.createUpdate("INSERT INTO dp_usage (agreement_id, transfer_id, kind, counterparty, calls,"
                                + " records, bytes, purpose, occurred_at) VALUES (:agreement, :transfer, :kind,"
                                + " :counterparty, :calls, :records, :bytes, :purpose, :at)"),
                        e)
                .execute());
    }

    /**
     * Records a usage event the other party reported as {@code reportId}, unless it was recorded already (a retried
     * report); whether it is new.
     */
    public boolean recordReported(String reportId, UsageEvent e) {
        return db.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO dp_usage (agreement_id, transfer_id, kind, counterparty,"
                                        + " calls, records, bytes, purpose, occurred_at, report_id) SELECT :agreement,"
                                        + " :transfer, :kind, :counterparty, :calls, :records, :bytes, :purpose, :at,"
                                        + " :report WHERE NOT EXISTS (SELECT 1 FROM dp_usage WHERE report_id ="
                                        + " :report)"),
                                e)
                        .bind("report", reportId)
                        .execute())
                == 1;
    }

    private static Update bind(Update insert, UsageEvent e) {
        return insert.bind("agreement", e.agreementId())
                .bind("transfer", e.transferId())
                .bind("kind", e.kind().name())
                .bind("counterparty", e.counterparty())
                .bind("calls", e.calls())
                .bind("records", e.records())
                .bind("bytes", e.bytes())
                .bind("purpose", e.purpose())
                .bind("at", Timestamps.toDb(e.at()));
    }

    /** The usage under {@code agreementId}, oldest first. */
    public List<UsageEvent> of(String agreementId, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT agreement_id, transfer_id, kind, counterparty, calls, records,"
                        + " bytes, purpose, occurred_at FROM dp_usage WHERE agreement_id = :agreement"
                        + " ORDER BY id LIMIT :limit")
                .bind("agreement", agreementId)
                .bind("limit", limit)
                .map((rs, ctx) -> new UsageEvent(
                        rs.getString("agreement_id"),
                        rs.getString("transfer_id"),
                        UsageKind.valueOf(rs.getString("kind")),
                        rs.getString("counterparty"),
                        rs.getLong("calls"),
                        rs.getLong("records"),
                        rs.getLong("bytes"),
                        rs.getString("purpose"),
                        Timestamps.read(rs, "occurred_at")))
                .list());
    }
}
