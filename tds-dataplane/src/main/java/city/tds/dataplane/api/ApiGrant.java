package city.tds.dataplane.api;

import city.tds.policy.Action;
import city.tds.policy.UsageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API transfer as its provider started it: the consumer, and the facts of the consumer's credential the transfer
 * was admitted with (industry, organisation type, roles), against which each call is decided.
 */
public record ApiGrant(
        String transferId,
        String agreementId,
        String consumerId,
        String industry,
        String organizationType,
        Set<String> roles,
        Instant grantedAt) {

    public ApiGrant {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(grantedAt, "grantedAt");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The facts of a use at {@code at} by the consumer as admitted; the call adds its own. */
    public UsageRequest facts(Instant at) {
        return UsageRequest.of(Action.USE, at).withRecipient(consumerId, industry, organizationType, roles);
    }
}
