package city.tds.catalog;

import java.time.Instant;

/** An objection a participant raised against a product version during its public notice (公示异议). */
public record Objection(
        String id,
        String productId,
        int version,
        String participantId,
        String reason,
        Status status,
        Instant raisedAt,
        String resolution,
        String resolvedBy,
        Instant resolvedAt) {

    public enum Status {
        OPEN,
        UPHELD,
        DISMISSED
    }

    public Objection resolved(Status outcome, String why, String by, Instant at) {
        return new Objection(id, productId, version, participantId, reason, outcome, raisedAt, why, by, at);
    }
}
