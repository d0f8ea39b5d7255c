package city.tds.protocol.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * A protocol message waiting to be delivered to the other connector, stored in the same transaction as the state
 * change that produced it, so that a crash can neither lose it nor send it for a change that did not happen.
 *
 * @param processId the negotiation (or transfer) it belongs to; messages of one process are delivered in order
 * @param targetUrl the full URL to POST to
 * @param message the message (JSON)
 * @param attempts failed deliveries so far
 * @param nextAttemptAt not to be tried before
 * @param lastError why the last attempt failed
 */
public record OutboundMessage(
        String id,
        String processId,
        String targetUrl,
        String message,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public OutboundMessage failed(String error, Instant retryAt) {
        return new OutboundMessage(id, processId, targetUrl, message, attempts + 1, retryAt, error, createdAt);
    }
}
