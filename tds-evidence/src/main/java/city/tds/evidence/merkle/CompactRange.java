package city.tds.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The roots of the perfect subtrees covering leaves {@code [0, size)}, one per set bit of {@code size}: enough to
 * append leaves and compute the root at any time, in O(log n) memory. Used where the whole log is streamed once,
 * by the sequencer's tail and by the offline verifier.
 */
public final class CompactRange {

    private final MerkleHasher hasher;
    private final List<byte[]> peaks = new ArrayList<>(); // largest subtree first
    private long size;

    public CompactRange(MerkleHasher hasher) {
        this.hasher = hasher;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        byte[] carry = leafHash;
        long s = size;
        while ((s & 1) == 1) {
            carry = hasher.node(peaks.remove(peaks.size() - 1), carry);
            s >>= 1;
        }
        peaks.add(carry);
        size++;
    }

    /** MTH of everything appended so far. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return hasher.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = hasher.node(peaks.get(i), root);
        }
        return root;
    }
}
