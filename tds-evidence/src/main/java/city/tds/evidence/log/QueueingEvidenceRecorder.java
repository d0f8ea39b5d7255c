package city.tds.evidence.log;

import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.core.tx.Transaction;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Queues records in the caller's transaction and wakes the sequencer once the transaction commits. The actor's
 * participant is always among the record's parties.
 */
public final class QueueingEvidenceRecorder implements EvidenceRecorder {

    private final EvidenceStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final Runnable wakeSequencer;

    public QueueingEvidenceRecorder(
            EvidenceStore store, UnitOfWork unitOfWork, CryptoSuite suite, Runnable wakeSequencer) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.wakeSequencer = wakeSequencer;
    }

    @Override
    public EvidenceTicket record(EvidenceEvent event) {
        Transaction tx = unitOfWork
                .current()
                .orElseThrow(() -> new IllegalStateException(
                        "evidence is recorded inside the unit of work of the change it records"));
        TreeSet<String> parties = new TreeSet<>(event.parties());
        if (event.actor().participantId() != null) {
            parties.add(event.actor().participantId());
        }
        long queueId = store.enqueue(new QueuedEvent(
                0,
                event.type(),
                event.occurredAt(),
                event.actor().participantId(),
                event.actor().userId(),
                event.subjects(),
                new ArrayList<>(parties),
                HexFormat.of().formatHex(suite.hash(event.payload()))));
        tx.afterCommit(wakeSequencer);
        return new EvidenceTicket(queueId);
    }
}
