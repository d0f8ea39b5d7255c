package city.tds.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * What the catalog needs to know about participants, provided by the identity services: whether one exists and is
 * active, its industry (zone rules admit by industry), and which connectors it holds (a resource must point at a source
 * on one of the provider's own connectors).
 */
public interface ParticipantDirectory {

    Optional<ParticipantInfo> participant(String participantId);

    /**
     * @param connectorIds the client ids of the participant's registered connectors
     */
    record ParticipantInfo(String id, String name, String industry, boolean active, Set<String> connectorIds) {
        public ParticipantInfo {
            connectorIds = Set.copyOf(connectorIds);
        }
    }
}
