package city.tds.evidence.log;

import java.time.Instant;
import java.util.List;

/** A record waiting in the queue for its sequence number ({@code queueId} is 0 until it is stored). */
public record QueuedEvent(
        long queueId,
        String ticket,
        String type,
        Instant occurredAt,
        String actorParticipant,
        String actorUser,
        List<String> subjects,
        List<String> parties,
        String payloadDigest) {

    public QueuedEvent {
        subjects = List.copyOf(subjects);
        parties = List.copyOf(parties);
    }
}
