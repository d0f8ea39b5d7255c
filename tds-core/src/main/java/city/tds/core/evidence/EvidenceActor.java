package city.tds.core.evidence;

import java.util.Objects;

/**
 * Who did what an evidence record describes.
 *
 * @param participantId the participant (organisation) acting, or {@code null} for the node itself (system actions)
 * @param userId the user or machine client within it, or {@code null}
 */
public record EvidenceActor(String participantId, String userId) {

    /** The node acting on its own account, e.g. signing a tree head or expiring an agreement. */
    public static final EvidenceActor SYSTEM = new EvidenceActor(null, null);

    /** The caller a verified token names, or {@link #SYSTEM} when the node acts without one ({@code null}). */
    public static EvidenceActor of(city.tds.core.identity.Principal caller) {
        return caller == null ? SYSTEM : new EvidenceActor(caller.participantId(), caller.subject());
    }

    public static EvidenceActor participant(String participantId, String userId) {
        return new EvidenceActor(Objects.requireNonNull(participantId, "participantId"), userId);
    }
}
