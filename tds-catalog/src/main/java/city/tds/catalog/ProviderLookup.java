package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.identity.Principal;

/** Finds the active participant a caller acts for, refusing operator staff and suspended participants. */
final class ProviderLookup {

    private final ParticipantDirectory directory;

    ProviderLookup(ParticipantDirectory directory) {
        this.directory = directory;
    }

    ParticipantInfo actingFor(Principal by) {
        if (by.participantId() == null) {
            throw Checks.forbidden(
                    "participants-only", "only a participant's people and connectors do this, not operator staff");
        }
        return directory
                .participant(by.participantId())
                .filter(ParticipantInfo::active)
                .orElseThrow(() -> Checks.forbidden(
                        "participant-inactive", "participant " + by.participantId() + " is not active"));
    }
}
