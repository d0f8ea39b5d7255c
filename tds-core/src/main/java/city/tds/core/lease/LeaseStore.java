package city.tds.core.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Row leases in the shared database, so that several replicas of a node on one database never process the same item
 * at the same time. State machines take a lease on an item before acting on it, renew it while they work, and release
 * it when done; a crashed holder's lease simply expires.
 *
 * <p>Every operation is atomic on its own and commits immediately, independent of any surrounding unit of work. Time
 * comes from the store's clock; replicas are assumed to have clocks synchronised (NTP) well within the lease duration.
 */
public interface LeaseStore {

    /**
     * Takes the lease on {@code item} for {@code holder} if nobody holds it, it has expired, or {@code holder} already
     * holds it (then it is extended and keeps its fencing token).
     *
     * @return the lease now held, or empty if another holder's lease is still valid
     */
    Optional<Lease> tryAcquire(String item, String holder, Duration duration);

    /**
     * Extends a lease that is still held by its holder with the same fencing token.
     *
     * @return the extended lease, or empty if it was lost (expired and taken by someone else)
     */
    Optional<Lease> renew(Lease lease, Duration duration);

    /** Gives the lease up if it is still held with this fencing token; otherwise does nothing. */
    void release(Lease lease);

    /** The current lease on {@code item}, valid or not, if one was ever taken. */
    Optional<Lease> find(String item);
}
