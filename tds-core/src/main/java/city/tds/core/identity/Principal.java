package city.tds.core.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as proved by a verified access token.
 *
 * @param subject the user id, or the client id of a machine
 * @param participantId the participant the caller belongs to; {@code null} for operator staff
 * @param roles what the caller may do
 * @param tokenId the access token's id
 * @param expiresAt when the token expires
 */
public record Principal(String subject, String participantId, Set<Role> roles, String tokenId, Instant expiresAt) {

    public Principal {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Whether the caller acts for {@code participant} (its own people and machines). */
    public boolean actsFor(String participant) {
        return participantId != null && participantId.equals(participant);
    }
}
