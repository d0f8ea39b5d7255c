package city.tds.evidence.log;

import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.core.id.IdGenerator;
import city.tds.core.tx.Transaction;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Queues records in the caller's transaction and wakes the sequencer once the transaction commits. The actor's
 * participant is always among the record's parties.
 */
public final class QueueingEvidenceRecorder implements EvidenceRecorder {

    private final EvidenceStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final IdGenerator tickets;
    private final Runnable wakeSequencer;

    public QueueingEvidenceRecorder(
            EvidenceStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            IdGenerator tickets,
            Runnable wakeSequencer) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.tickets = tickets;
        this.wakeSequencer = wakeSequencer;
    }

    @Override
    public EvidenceTicket record(EvidenceEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    @Override
    public List<EvidenceTicket> recordAll(List<EvidenceEvent> events) {
        Transaction tx = unitOfWork
                .current()
                .orElseThrow(() -> new IllegalStateException(
                        "evidence is recorded inside the unit of work of the change it records"));
        List<QueuedEvent> queued = new ArrayList<>(events.size());
        List<EvidenceTicket> issued = new ArrayList<>(events.size());
        for (EvidenceEvent event : events) {
            TreeSet<String> parties = new TreeSet<>(event.parties());
            if (event.actor().participantId() != null) {
                parties.add(event.actor().participantId());
            }
            String ticket = tickets.newId();
            queued.add(new QueuedEvent(
                    0,
                    ticket,
                    event.type(),
                    event.occurredAt(),
                    event.actor().participantId(),
                    event.actor().userId(),
                    event.subjects(),
                    new ArrayList<>(parties),
                    HexFormat.of().formatHex(suite.hash(event.payload()))));
            issued.add(new EvidenceTicket(ticket));
        }
        if (!queued.isEmpty()) {
            store.enqueue(queued);
            tx.afterCommit(wakeSequencer);
        }
        return issued;
    }
}
