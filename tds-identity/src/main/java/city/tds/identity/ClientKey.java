package city.tds.identity;

import java.time.Instant;

/** A connector's public key, with which it signs client assertions to get tokens (RFC 7523). */
public record ClientKey(String clientId, String participantId, String publicKey, Instant registeredAt) {}
