package city.tds.evidence.merkle;

/**
 * The hashes of the perfect subtrees of a log: {@code hash(level, index)} is the root of the subtree over leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}, which must all exist. Level 0 holds the leaf hashes.
 */
public interface NodeSource {

    /** Number of leaves. */
    long size();

    byte[] hash(int level, long index);
}
