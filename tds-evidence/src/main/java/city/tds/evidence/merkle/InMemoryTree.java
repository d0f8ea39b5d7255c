package city.tds.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Every node of a log in memory, level by level. For tests, receipts of small logs and reference computations; the
 * running log keeps only tiles (see {@code TiledTree}).
 */
public final class InMemoryTree implements NodeSource {

    private final MerkleHasher hasher;
    private final List<List<byte[]>> levels = new ArrayList<>();

    public InMemoryTree(MerkleHasher hasher) {
        this.hasher = hasher;
        levels.add(new ArrayList<>());
    }

    public void appendLeafHash(byte[] leafHash) {
        levels.get(0).add(leafHash);
        int level = 0;
        while (levels.get(level).size() % 2 == 0) {
            List<byte[]> below = levels.get(level);
            byte[] parent = hasher.node(below.get(below.size() - 2), below.get(below.size() - 1));
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(parent);
            level++;
        }
    }

    public void appendEntry(byte[] entry) {
        appendLeafHash(hasher.leaf(entry));
    }

    @Override
    public long size() {
        return levels.get(0).size();
    }

    @Override
    public byte[] hash(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }
}
