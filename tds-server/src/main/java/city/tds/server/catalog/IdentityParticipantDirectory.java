package city.tds.server.catalog;

import city.tds.catalog.ParticipantDirectory;
import city.tds.identity.ClientKey;
import city.tds.identity.Identity;
import city.tds.identity.Participant;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalog's view of participants, read from the space's identity services. */
public final class IdentityParticipantDirectory implements ParticipantDirectory {

    private final Identity identity;

    public IdentityParticipantDirectory(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Optional<ParticipantInfo> participant(String participantId) {
        return identity.participants()
                .find(participantId)
                .map(p -> new ParticipantInfo(
                        p.id(),
                        p.name(),
                        p.industry(),
                        p.status() == Participant.Status.ACTIVE,
                        identity.participants().clients(p.id()).stream()
                                .map(ClientKey::clientId)
                                .collect(Collectors.toSet())));
    }
}
