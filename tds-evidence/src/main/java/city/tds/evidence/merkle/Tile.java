package city.tds.evidence.merkle;

import java.util.Arrays;
import java.util.List;

/**
 * A complete perfect subtree of {@value #LEAVES} leaves and all its node hashes: level 0 (the leaves) to level
 * {@value #HEIGHT} (the root), stored level after level. One tile answers every lookup a proof makes inside it.
 */
public final class Tile {

    public static final int HEIGHT = 8;
    public static final int LEAVES = 1 << HEIGHT;
    /** Hashes in a tile: 256 + 128 + ... + 1. */
    public static final int NODES = 2 * LEAVES - 1;

    private final long index;
    private final int hashSize;
    private final byte[] nodes;

    public Tile(long index, int hashSize, byte[] nodes) {
        if (nodes.length != NODES * hashSize) {
            throw new IllegalArgumentException("a tile holds " + NODES + " hashes of " + hashSize + " bytes");
        }
        this.index = index;
        this.hashSize = hashSize;
        this.nodes = nodes;
    }

    /** Builds the tile over its 256 leaf hashes. */
    public static Tile build(long index, List<byte[]> leafHashes, MerkleHasher hasher) {
        if (leafHashes.size() != LEAVES) {
            throw new IllegalArgumentException("a tile needs " + LEAVES + " leaves, got " + leafHashes.size());
        }
        int size = hasher.size();
        byte[] nodes = new byte[NODES * size];
        for (int i = 0; i < LEAVES; i++) {
            System.arraycopy(leafHashes.get(i), 0, nodes, i * size, size);
        }
        int below = 0;
        int here = LEAVES;
        for (int width = LEAVES / 2; width >= 1; width /= 2) {
            for (int i = 0; i < width; i++) {
                byte[] left = Arrays.copyOfRange(nodes, (below + 2 * i) * size, (below + 2 * i + 1) * size);
                byte[] right = Arrays.copyOfRange(nodes, (below + 2 * i + 1) * size, (below + 2 * i + 2) * size);
                System.arraycopy(hasher.node(left, right), 0, nodes, (here + i) * size, size);
            }
            below = here;
            here += width;
        }
        return new Tile(index, size, nodes);
    }

    public long index() {
        return index;
    }

    /** The node at {@code level} (0 to 8) and position {@code offset} inside this tile. */
    public byte[] hash(int level, int offset) {
        int start = 0;
        for (int l = 0; l < level; l++) {
            start += LEAVES >> l;
        }
        int at = (start + offset) * hashSize;
        return Arrays.copyOfRange(nodes, at, at + hashSize);
    }

    public byte[] root() {
        return hash(HEIGHT, 0);
    }

    public byte[] bytes() {
        return nodes.clone();
    }
}
