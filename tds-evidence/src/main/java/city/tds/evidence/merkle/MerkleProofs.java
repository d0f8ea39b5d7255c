package city.tds.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Root hashes, inclusion proofs and consistency proofs of RFC 9162 (sections 2.1.1, 2.1.3.1 and 2.1.4.1), computed
 * from the perfect subtrees a {@link NodeSource} holds: every range the algorithms need is either a perfect, aligned
 * subtree (one lookup) or is split at its largest power of two, so each result costs O(log n) lookups.
 */
public final class MerkleProofs {

    private final MerkleHasher hasher;
    private final NodeSource nodes;

    public MerkleProofs(MerkleHasher hasher, NodeSource nodes) {
        this.hasher = hasher;
        this.nodes = nodes;
    }

    /** MTH(D[0:treeSize]). */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        return treeSize == 0 ? hasher.emptyRoot() : subtree(0, treeSize);
    }

    /** PATH(leafIndex, D[0:treeSize]): the audit path from the leaf to the root, leaf side first. */
    public List<byte[]> inclusion(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafIndex, 0, treeSize, path);
        return path;
    }

    /** PROOF(first, D[0:second]): shows that the tree of size {@code first} is a prefix of the one of size {@code second}. */
    public List<byte[]> consistency(long first, long second) {
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        if (end - start == 1) {
            return;
        }
        long k = TreeMath.split(end - start);
        if (m - start < k) {
            path(m, start, start + k, out);
            out.add(subtree(start + k, end));
        } else {
            path(m, start + k, end, out);
            out.add(subtree(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean completeSubtree, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!completeSubtree) {
                out.add(subtree(start, end));
            }
            return;
        }
        long k = TreeMath.split(n);
        if (m <= k) {
            subproof(m, start, start + k, completeSubtree, out);
            out.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtree(start, start + k));
        }
    }

    /** MTH(D[start:end]) for a non-empty range that the RFC recursion produces. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (TreeMath.isPowerOfTwo(n) && start % n == 0) {
            return nodes.hash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = TreeMath.split(n);
        return hasher.node(subtree(start, start + k), subtree(start + k, end));
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > nodes.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is beyond the log's " + nodes.size());
        }
    }
}
