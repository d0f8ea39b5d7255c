package city.tds.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who sent a protocol message, as its verified presentation shows: the participant, the space that vouches for it,
 * and the attributes of its membership credential.
 */
public record PresentedParticipant(
        String participantId, String issuer, String industry, String organizationType, Set<String> roles) {

    public PresentedParticipant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(issuer, "issuer");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
