package city.tds.catalog;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.identity.Principal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Records catalog decisions in the evidence log, in the transaction that makes them; the payload is JSON. */
final class CatalogEvidence {

    static final ObjectMapper JSON = new ObjectMapper();

    private final EvidenceRecorder recorder;
    private final Clock clock;

    CatalogEvidence(EvidenceRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    static ObjectNode payload() {
        return JSON.createObjectNode();
    }

    void record(String type, Principal actor, List<String> subjects, Set<String> parties, ObjectNode payload) {
        try {
            recorder.record(new EvidenceEvent(
                    type,
                    clock.instant(),
                    EvidenceActor.of(actor),
                    subjects,
                    parties,
                    JSON.writeValueAsBytes(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
