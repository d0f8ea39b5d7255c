package city.tds.core.evidence;

/**
 * Names a queued evidence record until, and after, the sequencer gives it its sequence number.
 *
 * @param id a time-ordered UUID, unique per log
 */
public record EvidenceTicket(String id) {}
