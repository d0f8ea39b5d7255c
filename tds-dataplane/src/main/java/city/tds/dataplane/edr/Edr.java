package city.tds.dataplane.edr;

import java.time.Instant;

/**
 * An endpoint data reference as the provider keeps it: which transfer, agreement, consumer and source its token opens,
 * until when, and whether it was revoked (the transfer ended).
 */
public record Edr(
        String tokenHash,
        String transferId,
        String agreementId,
        String consumerId,
        String sourceName,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedReason) {}
