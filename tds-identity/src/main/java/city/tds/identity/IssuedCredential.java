package city.tds.identity;

import java.time.Instant;

/**
 * A membership credential the space issued.
 *
 * @param id its {@code jti}, {@code urn:uuid:...}
 * @param statusIndex its bit in the space's revocation status list
 * @param jwt the credential as issued
 */
public record IssuedCredential(
        String id,
        String participantId,
        int statusIndex,
        String jwt,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
