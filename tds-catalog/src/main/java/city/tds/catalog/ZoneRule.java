package city.tds.catalog;

import java.util.Set;

/**
 * Which participants a zone admits, for listing into it or for seeing it: those named, and those of the industries
 * named. A rule that names neither admits every participant.
 */
public record ZoneRule(Set<String> participantIds, Set<String> industries) {

    public static final ZoneRule EVERY_PARTICIPANT = new ZoneRule(Set.of(), Set.of());

    public ZoneRule {
        participantIds = participantIds == null ? Set.of() : Set.copyOf(participantIds);
        industries = industries == null ? Set.of() : Set.copyOf(industries);
    }

    public boolean admitsEveryone() {
        return participantIds.isEmpty() && industries.isEmpty();
    }

    public boolean admits(ParticipantDirectory.ParticipantInfo participant) {
        return admitsEveryone()
                || participantIds.contains(participant.id())
                || industries.contains(participant.industry());
    }
}
