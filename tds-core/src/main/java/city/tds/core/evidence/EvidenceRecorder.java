package city.tds.core.evidence;

/**
 * The one way to write the evidence log. Every module records its trust-relevant actions (an onboarding decision, a
 * listing decision, an agreement, a transfer, a sandbox release, a settlement) through this interface, inside the
 * unit of work that makes the change, so that the change and its record commit together or not at all.
 *
 * <p>Recording is cheap: the record is queued in the caller's transaction and a sequencer gives it its sequence number
 * and integrates it into the Merkle tree shortly after the commit.
 */
public interface EvidenceRecorder {

    /**
     * Queues {@code event} for the log in the calling thread's transaction.
     *
     * @return a ticket that names the record until the sequencer has numbered it
     * @throws IllegalStateException if the calling thread is not inside a unit of work
     * @throws IllegalArgumentException if the event breaks the limits documented on {@link EvidenceEvent}
     */
    EvidenceTicket record(EvidenceEvent event);

    /**
     * Queues several events in the caller's transaction with one round trip to the database, in order. Use it when
     * one change records many events.
     */
    java.util.List<EvidenceTicket> recordAll(java.util.List<EvidenceEvent> events);
}
