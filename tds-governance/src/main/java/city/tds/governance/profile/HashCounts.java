package city.tds.governance.profile;

/**
 * Counts of up to {@code limit} distinct values, keyed by a 64-bit hash of the value (two values share a key with
 * probability about n²/2⁶⁵; for the 4,096 values tracked that is below 10⁻¹²), in open-addressing arrays: no boxing,
 * no {@link String#hashCode()} pass, no allocation per value. Each key keeps the first value seen with it.
 */
final class HashCounts {

    private final long[] keys;
    private final long[] counts;
    private final String[] values;
    private final boolean[] used;
    private final int mask;
    private final int limit;
    private int size;

    HashCounts(int limit) {
        int capacity = Integer.highestOneBit(Math.max(4, limit) * 2 - 1) * 2;
        this.keys = new long[capacity];
        this.counts = new long[capacity];
        this.values = new String[capacity];
        this.used = new boolean[capacity];
        this.mask = capacity - 1;
        this.limit = limit;
    }

    /**
     * Counts one occurrence of the value with hash {@code key}.
     *
     * @param value the value, kept when the key is new
     * @return {@link #COUNTED} for a key seen before, {@link #ADDED} for a new one, {@link #FULL} when the key is new
     *     and the table full (nothing counted)
     */
    int add(long key, String value) {
        int slot = (int) (key ^ (key >>> 29)) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                counts[slot]++;
                return COUNTED;
            }
            slot = (slot + 1) & mask;
        }
        if (size == limit) {
            return FULL;
        }
        used[slot] = true;
        keys[slot] = key;
        counts[slot] = 1;
        values[slot] = value;
        size++;
        return ADDED;
    }

    /** Sets the value kept for {@code key}, for values whose text is built only when they are new. */
    void name(long key, String value) {
        int slot = (int) (key ^ (key >>> 29)) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    static final int COUNTED = 0;
    static final int ADDED = 1;
    static final int FULL = -1;

    int size() {
        return size;
    }

    /** The largest count. */
    long maxCount() {
        long max = 0;
        for (int i = 0; i < counts.length; i++) {
            if (used[i] && counts[i] > max) {
                max = counts[i];
            }
        }
        return max;
    }

    /** Calls {@code each} with every value and its count. */
    void forEach(Entry each) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                each.accept(values[i], counts[i]);
            }
        }
    }

    @FunctionalInterface
    interface Entry {
        void accept(String value, long count);
    }
}
