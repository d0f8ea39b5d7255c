package city.tds.evidence.log;

import java.util.List;

/** RFC 9162 inclusion proof of leaf {@code leafIndex} in the tree of size {@code treeSize}. */
public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {
    public InclusionProof {
        path = List.copyOf(path);
    }
}
