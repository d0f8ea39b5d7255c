package city.tds.identity;

import java.time.Instant;

/**
 * An issuer whose credentials this space accepts: this space itself, or another space it recognises.
 *
 * @param issuerId the {@code iss} of its credentials (a space's public URL)
 * @param suite GM or INTL
 * @param publicKey its signing key, base64
 */
public record TrustedIssuer(
        String issuerId, String name, String suite, String publicKey, Instant addedAt, String addedBy) {}
