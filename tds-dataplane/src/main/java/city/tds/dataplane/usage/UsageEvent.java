package city.tds.dataplane.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One metered use: data delivered by a provider, received by a consumer, or read by the consumer's users. The input to
 * billing.
 *
 * @param transferId the transfer it belongs to, or null for a use not tied to one
 * @param counterparty the other participant of the agreement
 * @param purpose the stated purpose of a read, else null
 */
public record UsageEvent(
        String agreementId,
        String transferId,
        UsageKind kind,
        String counterparty,
        long calls,
        long records,
        long bytes,
        String purpose,
        Instant at) {

    public UsageEvent {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(at, "at");
        if (calls < 0 || records < 0 || bytes < 0) {
            throw new IllegalArgumentException("usage counts are not negative");
        }
    }
}
