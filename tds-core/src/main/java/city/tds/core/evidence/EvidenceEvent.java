package city.tds.core.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One trust-relevant action to record.
 *
 * <p>Limits: {@code type} is a lower-case dotted name of at most 100 characters ({@code participant.approved});
 * at most 32 subjects and 32 parties, each 1 to 200 printable characters. The payload itself is not stored in the log,
 * only its digest (SM3 or SHA-256): the payload stays in the store of the module that owns it.
 *
 * @param type what happened
 * @param occurredAt when, from the caller's clock
 * @param actor who did it
 * @param subjects the ids the record is about, typed by prefix: {@code application:0193...}, {@code agreement:...}
 * @param parties the participants the record concerns; each of them may read it (the actor's participant always may)
 * @param payload the bytes whose digest the record carries (for example the decision as canonical JSON); may be empty
 */
public record EvidenceEvent(
        String type,
        Instant occurredAt,
        EvidenceActor actor,
        List<String> subjects,
        Set<String> parties,
        byte[] payload) {

    public static final int MAX_IDS = 32;
    public static final int MAX_ID_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    public EvidenceEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (type == null || type.length() > 100 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("evidence type must be a lower-case dotted name: " + type);
        }
        subjects = List.copyOf(checkIds("subjects", subjects));
        parties = Set.copyOf(new TreeSet<>(checkIds("parties", parties)));
        payload = payload == null ? new byte[0] : payload.clone();
    }

    private static <C extends java.util.Collection<String>> C checkIds(String what, C ids) {
        Objects.requireNonNull(ids, what);
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " " + what + ", got " + ids.size());
        }
        for (String id : ids) {
            if (id == null
                    || id.isEmpty()
                    || id.length() > MAX_ID_LENGTH
                    || !PRINTABLE.matcher(id).matches()) {
                throw new IllegalArgumentException(what + " must be 1 to " + MAX_ID_LENGTH + " printable characters");
            }
        }
        return ids;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
