package city.tds.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Participants for catalog tests, held in memory. */
final class FakeDirectory implements ParticipantDirectory {

    private final Map<String, ParticipantInfo> participants = new ConcurrentHashMap<>();

    FakeDirectory add(String id, String name, String industry, String... connectors) {
        participants.put(id, new ParticipantInfo(id, name, industry, true, Set.of(connectors)));
        return this;
    }

    void suspend(String id) {
        ParticipantInfo p = participants.get(id);
        participants.put(id, new ParticipantInfo(p.id(), p.name(), p.industry(), false, p.connectorIds()));
    }

    @Override
    public Optional<ParticipantInfo> participant(String participantId) {
        return Optional.ofNullable(participantId).map(participants::get);
    }
}
