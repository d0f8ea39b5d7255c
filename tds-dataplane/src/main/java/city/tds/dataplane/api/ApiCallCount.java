package city.tds.dataplane.api;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.time.Instant;

/**
 * How many API calls were served under each agreement (the {@code odrl:count} of the next call), in table {@code
 * dp_api_count}. It advances by a conditional write, in the caller's unit of work.
 */
public final class ApiCallCount {

    private final JdbiUnitOfWork db;

    public ApiCallCount(Database database) {
        this.db = database.unitOfWork();
    }

    /** The calls served under {@code agreementId} so far. */
    public long of(String agreementId) {
        return db.withHandle(h -> h.createQuery("SELECT calls FROM dp_api_count WHERE agreement_id = :agreement")
                .bind("agreement", agreementId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    /** Counts one more call if {@code seen} calls are counted now; false if another call was counted meanwhile. */
    public boolean advance(String agreementId, long seen, Instant at) {
        if (seen == 0) {
            return db.withHandle(h -> h.createUpdate("INSERT INTO dp_api_count (agreement_id, calls, updated_at)"
                                    + " VALUES (:agreement, 1, :at) ON CONFLICT DO NOTHING")
                            .bind("agreement", agreementId)
                            .bind("at", Timestamps.toDb(at))
                            .execute())
                    == 1;
        }
        return db.withHandle(h -> h.createUpdate("UPDATE dp_api_count SET calls = calls + 1, updated_at = :at"
                                + " WHERE agreement_id = :agreement AND calls = :seen")
                        .bind("agreement", agreementId)
                        .bind("seen", seen)
                        .bind("at", Timestamps.toDb(at))
                        .execute())
                == 1;
    }
}
