package city.tds.evidence.log;

import city.tds.evidence.merkle.Tile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Persistence of the evidence log. Reads and writes join the calling thread's unit of work when there is one.
 * Nothing here updates or deletes a leaf, a tile or a tree head: the log only grows.
 */
public interface EvidenceStore {

    /** Queues records in the caller's transaction, in order, with one batch. */
    void enqueue(List<QueuedEvent> events);

    /** The oldest queued records, at most {@code limit}. */
    List<QueuedEvent> queued(int limit);

    /**
     * Writes sequenced leaves (with their subject and party index rows) and newly completed tiles, and removes the
     * leaves' queue rows. Call inside one unit of work.
     */
    void integrate(List<Sequenced> leaves, List<Tile> completedTiles);

    /** Number of leaves. */
    long size();

    Optional<StoredLeaf> leaf(long seq);

    /** Leaves {@code [from, to)} in order. */
    List<StoredLeaf> leaves(long from, long to);

    /** Streams every leaf from {@code from} in order, without holding them all in memory. */
    void forEachLeaf(long from, Consumer<StoredLeaf> consumer);

    OptionalLong seqOfTicket(String ticket);

    /** Roots of the complete tiles from {@code fromTile} on, in order. */
    List<byte[]> tileRoots(long fromTile);

    Optional<Tile> tile(long tileIndex);

    /** Stores a tree head unless one of that size exists; returns the one stored. */
    SignedTreeHead saveTreeHead(SignedTreeHead head);

    Optional<SignedTreeHead> latestTreeHead();

    /** Every tree head, smallest size first. */
    List<SignedTreeHead> treeHeads();

    /** Sequence numbers of leaves matching every given criterion (null: any), ascending, after {@code afterSeq}. */
    List<Long> search(String subject, String type, String party, long afterSeq, int limit);

    /** A leaf ready to be written: its record's canonical entry and its leaf hash. */
    record Sequenced(
            long seq,
            long queueId,
            String ticket,
            String type,
            java.time.Instant occurredAt,
            String entry,
            byte[] leafHash,
            List<String> subjects,
            List<String> parties) {}
}
