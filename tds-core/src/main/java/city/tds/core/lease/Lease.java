package city.tds.core.lease;

import java.time.Instant;

/**
 * The right of one holder to work on one item until a moment in time.
 *
 * @param item what is leased, e.g. {@code negotiation:0193...}
 * @param holder who holds it, typically a replica id
 * @param expiresAt after this instant another holder may take the lease
 * @param fencingToken increases every time the lease changes hands; writes guarded by a lease can reject a stale token
 */
public record Lease(String item, String holder, Instant expiresAt, long fencingToken) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
