package city.tds.protocol.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * A contract agreement: the policy both sides agreed on, binding the consumer's use of the target.
 *
 * @param id the agreement's {@code @id}
 * @param policy the agreement as the DSP message carried it (JSON, ODRL {@code Agreement})
 */
public record Agreement(
        String id,
        String negotiationId,
        String providerId,
        String consumerId,
        String target,
        String policy,
        Instant agreedAt) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(negotiationId, "negotiationId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(consumerId, "consumerId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(agreedAt, "agreedAt");
    }
}
