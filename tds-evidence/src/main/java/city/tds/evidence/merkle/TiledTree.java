package city.tds.evidence.merkle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;

/**
 * The running log's tree in bounded memory: the roots of all complete tiles and the levels above them (1/128 of the
 * leaves' hashes), the incomplete last tile, and a cache of recently used complete tiles loaded on demand from the
 * store. Thread-safe: many readers compute proofs while the sequencer appends.
 */
public final class TiledTree implements NodeSource {

    private final MerkleHasher hasher;
    private final LongFunction<Tile> tileLoader;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final InMemoryTree upper; // its "leaves" are the tile roots (level 8)
    private final List<byte[]> tail = new ArrayList<>(); // leaf hashes of the incomplete last tile
    private InMemoryTree tailTree;
    private final Map<Long, Tile> cache;

    /**
     * @param tileLoader reads a complete tile from the store
     * @param cachedTiles how many complete tiles to keep in memory (16 KiB each for 32-byte hashes)
     */
    public TiledTree(MerkleHasher hasher, LongFunction<Tile> tileLoader, int cachedTiles) {
        this.hasher = hasher;
        this.tileLoader = tileLoader;
        this.upper = new InMemoryTree(hasher);
        this.tailTree = new InMemoryTree(hasher);
        this.cache = new LinkedHashMap<>(cachedTiles * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Tile> eldest) {
                return size() > cachedTiles;
            }
        };
    }

    /** Loads the state of a stored log: its complete tile roots and the leaf hashes after them. */
    public void load(List<byte[]> tileRoots, List<byte[]> tailLeafHashes) {
        lock.writeLock().lock();
        try {
            if (upper.size() != 0 || !tail.isEmpty()) {
                throw new IllegalStateException("the tree is already loaded");
            }
            tileRoots.forEach(upper::appendLeafHash);
            for (byte[] leaf : tailLeafHashes) {
                appendLocked(leaf);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The tiles that appending these leaf hashes completes, for the caller to persist in the same transaction as the
     * leaves before calling {@link #commit}. Changes nothing.
     */
    public List<Tile> prepare(List<byte[]> leafHashes) {
        lock.readLock().lock();
        try {
            List<Tile> completed = new ArrayList<>();
            List<byte[]> pending = new ArrayList<>(tail);
            long nextTile = upper.size();
            for (byte[] leaf : leafHashes) {
                pending.add(leaf);
                if (pending.size() == Tile.LEAVES) {
                    completed.add(Tile.build(nextTile++, pending, hasher));
                    pending = new ArrayList<>();
                }
            }
            return completed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Makes leaves {@code [firstSeq, firstSeq + leafHashes.size())} visible, after their transaction committed. Does
     * nothing if they are already there (a concurrent refresh loaded them first).
     */
    public void commit(long firstSeq, List<byte[]> leafHashes, List<Tile> completedTiles) {
        lock.writeLock().lock();
        try {
            long size = upper.size() * Tile.LEAVES + tail.size();
            if (size >= firstSeq + leafHashes.size()) {
                return;
            }
            if (size != firstSeq) {
                throw new IllegalStateException("leaves from " + firstSeq + " do not follow a tree of size " + size);
            }
            int t = 0;
            for (byte[] leaf : leafHashes) {
                tail.add(leaf);
                tailTree.appendLeafHash(leaf);
                if (tail.size() == Tile.LEAVES) {
                    Tile tile = completedTiles.get(t++);
                    upper.appendLeafHash(tile.root());
                    synchronized (cache) {
                        cache.put(tile.index(), tile);
                    }
                    tail.clear();
                    tailTree = new InMemoryTree(hasher);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void appendLocked(byte[] leaf) {
        tail.add(leaf);
        tailTree.appendLeafHash(leaf);
        if (tail.size() == Tile.LEAVES) {
            upper.appendLeafHash(Tile.build(upper.size(), tail, hasher).root());
            tail.clear();
            tailTree = new InMemoryTree(hasher);
        }
    }

    /** Takes the read lock for a computation that must see one consistent size. */
    public <T> T read(java.util.function.Supplier<T> computation) {
        lock.readLock().lock();
        try {
            return computation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long size() {
        lock.readLock().lock();
        try {
            return upper.size() * Tile.LEAVES + tail.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public byte[] hash(int level, long index) {
        long firstLeaf = index << level;
        long tileIndex = firstLeaf >> Tile.HEIGHT;
        if (level >= Tile.HEIGHT) {
            return upper.hash(level - Tile.HEIGHT, index);
        }
        if (tileIndex == upper.size()) {
            long tailFirst = tileIndex << (Tile.HEIGHT - level);
            return tailTree.hash(level, index - tailFirst);
        }
        Tile tile = tile(tileIndex);
        return tile.hash(level, (int) (index - (tileIndex << (Tile.HEIGHT - level))));
    }

    private Tile tile(long tileIndex) {
        synchronized (cache) {
            Tile cached = cache.get(tileIndex);
            if (cached != null) {
                return cached;
            }
        }
        Tile loaded = tileLoader.apply(tileIndex);
        synchronized (cache) {
            cache.put(tileIndex, loaded);
        }
        return loaded;
    }
}
