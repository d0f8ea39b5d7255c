package city.tds.protocol.negotiation;

import city.tds.policy.Action;
import city.tds.policy.UsageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated participant on the other side of a protocol message, with the attributes its space-issued
 * credential carries (they decide what a policy lets it have).
 */
public record Counterparty(String participantId, String industry, String organizationType, Set<String> roles) {

    public Counterparty {
        Objects.requireNonNull(participantId, "participantId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The facts a policy is evaluated against when this participant asks to use the data at {@code at}. */
    public UsageRequest facts(Instant at) {
        return UsageRequest.of(Action.USE, at).withRecipient(participantId, industry, organizationType, roles);
    }
}
