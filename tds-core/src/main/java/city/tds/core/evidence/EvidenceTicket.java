package city.tds.core.evidence;

/**
 * Names a queued evidence record until the sequencer has given it a sequence number.
 *
 * @param queueId the record's id in the queue, unique per log
 */
public record EvidenceTicket(long queueId) {}
