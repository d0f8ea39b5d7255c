package city.tds.evidence.log;

import java.util.List;

/** RFC 9162 consistency proof that the tree of size {@code first} is a prefix of the tree of size {@code second}. */
public record ConsistencyProof(long first, long second, List<byte[]> path) {
    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
