package city.tds.identity;

import city.tds.core.identity.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A person who logs in: operator staff ({@code participantId} null) or a participant's administrator or member.
 *
 * @param failedLogins consecutive failed logins since the last success
 * @param lockedAt when the account was locked after too many failures, or null
 */
public record UserAccount(
        String id,
        String participantId,
        String username,
        String passwordHash,
        Set<Role> roles,
        int failedLogins,
        Instant lockedAt,
        Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean locked() {
        return lockedAt != null;
    }
}
