package city.tds.identity;

import java.time.Instant;
import java.util.Set;

/** An organisation admitted to the space. */
public record Participant(
        String id,
        String name,
        CreditCode creditCode,
        OrganizationType organizationType,
        String industry,
        Set<ParticipantRole> roles,
        Status status,
        String statusReason,
        Instant joinedAt) {

    public Participant {
        roles = Set.copyOf(roles);
    }

    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    public Participant withStatus(Status newStatus, String reason) {
        return new Participant(id, name, creditCode, organizationType, industry, roles, newStatus, reason, joinedAt);
    }
}
