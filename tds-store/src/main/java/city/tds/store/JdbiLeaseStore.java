package city.tds.store;

import city.tds.core.lease.Lease;
import city.tds.core.lease.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LeaseStore} on the {@code lease} table. Each operation is one short transaction of its own, separate from any
 * unit of work on the calling thread, and relies on row locks: of two replicas racing for an item, the database lets
 * exactly one conditional update (or insert) through.
 */
public final class JdbiLeaseStore implements LeaseStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiLeaseStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public Optional<Lease> tryAcquire(String item, String holder, Duration duration) {
        requirePositive(duration);
        Instant now = Timestamps.truncate(clock.instant());
        Instant expiresAt = now.plus(duration);
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("INSERT INTO lease (item, holder, expires_at, fencing_token)"
                            + " VALUES (:item, :holder, :expiresAt, 1) ON CONFLICT DO NOTHING")
                    .bind("item", item)
                    .bind("holder", holder)
                    .bind("expiresAt", Timestamps.toDb(expiresAt))
                    .execute();
            if (inserted == 1) {
                return Optional.of(new Lease(item, holder, expiresAt, 1));
            }
            int taken = h.createUpdate("UPDATE lease SET"
                            + " fencing_token = CASE WHEN holder = :holder AND expires_at > :now"
                            + " THEN fencing_token ELSE fencing_token + 1 END,"
                            + " holder = :holder, expires_at = :expiresAt"
                            + " WHERE item = :item AND (expires_at <= :now OR holder = :holder)")
                    .bind("item", item)
                    .bind("holder", holder)
                    .bind("now", Timestamps.toDb(now))
                    .bind("expiresAt", Timestamps.toDb(expiresAt))
                    .execute();
            return taken == 1 ? find(h, item) : Optional.<Lease>empty();
        });
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration duration) {
        requirePositive(duration);
        Instant expiresAt = Timestamps.truncate(clock.instant()).plus(duration);
        return jdbi.inTransaction(h -> {
            int renewed = h.createUpdate("UPDATE lease SET expires_at = :expiresAt"
                            + " WHERE item = :item AND holder = :holder AND fencing_token = :token")
                    .bind("item", lease.item())
                    .bind("holder", lease.holder())
                    .bind("token", lease.fencingToken())
                    .bind("expiresAt", Timestamps.toDb(expiresAt))
                    .execute();
            return renewed == 1 ? find(h, lease.item()) : Optional.<Lease>empty();
        });
    }

    @Override
    public void release(Lease lease) {
        Instant now = Timestamps.truncate(clock.instant());
        jdbi.useTransaction(h -> h.createUpdate("UPDATE lease SET expires_at = :now"
                        + " WHERE item = :item AND holder = :holder AND fencing_token = :token AND expires_at > :now")
                .bind("item", lease.item())
                .bind("holder", lease.holder())
                .bind("token", lease.fencingToken())
                .bind("now", Timestamps.toDb(now))
                .execute());
    }

    @Override
    public Optional<Lease> find(String item) {
        return jdbi.withHandle(h -> find(h, item));
    }

    private static Optional<Lease> find(Handle h, String item) {
        return h.createQuery("SELECT item, holder, expires_at, fencing_token FROM lease WHERE item = :item")
                .bind("item", item)
                .map((rs, ctx) -> new Lease(
                        rs.getString("item"),
                        rs.getString("holder"),
                        Timestamps.read(rs, "expires_at"),
                        rs.getLong("fencing_token")))
                .findOne();
    }

    private static void requirePositive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive duration, not " + duration);
        }
    }
}
