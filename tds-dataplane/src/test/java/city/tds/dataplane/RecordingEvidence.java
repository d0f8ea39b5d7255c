package city.tds.dataplane;

import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.core.tx.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An evidence recorder for the data plane's tests: keeps the events, and fails unless each is recorded inside a unit
 * of work (as the real one does), so that a test sees the evidence a change would commit with.
 */
public final class RecordingEvidence implements EvidenceRecorder {

    private final UnitOfWork tx;
    private final List<EvidenceEvent> events = new CopyOnWriteArrayList<>();

    public RecordingEvidence(UnitOfWork tx) {
        this.tx = tx;
    }

    @Override
    public EvidenceTicket record(EvidenceEvent event) {
        if (tx.current().isEmpty()) {
            throw new IllegalStateException("evidence is recorded inside a unit of work");
        }
        events.add(event);
        return new EvidenceTicket("ticket-" + events.size());
    }

    @Override
    public List<EvidenceTicket> recordAll(List<EvidenceEvent> all) {
        List<EvidenceTicket> tickets = new ArrayList<>();
        all.forEach(e -> tickets.add(record(e)));
        return tickets;
    }

    public List<String> types() {
        return events.stream().map(EvidenceEvent::type).toList();
    }

    /** The payload of the last event of {@code type}, as text. */
    public String last(String type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals(type)) {
                return new String(events.get(i).payload(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + type + " evidence among " + types());
    }
}
