package city.tds.governance.quality;

/**
 * A set of 64-bit {@link Fingerprint}s that remembers the row each was first seen in: open addressing with linear
 * probing over two primitive arrays, no boxing.
 *
 * <p>Memory: 12 bytes a slot (an 8-byte fingerprint and a 4-byte row number). The table doubles when it is three
 * quarters full, so it holds 16 to 32 bytes per distinct value; 10 million distinct values fit in 2²⁴ slots, 192 MiB.
 * While it doubles, the old and the new table both live, so the peak is 1.5 times the final size (288 MiB then).
 * Row numbers above {@link Integer#MAX_VALUE} are remembered as unknown.
 */
final class FingerprintSet {

    /** What {@link #addIfAbsent} answers when the fingerprint was new. */
    static final int ABSENT = 0;

    /** What {@link #addIfAbsent} answers when the fingerprint's first row was past the range of an int. */
    static final int UNKNOWN_ROW = -1;

    private static final int MAX_CAPACITY = 1 << 30;

    private long[] fingerprints;
    private int[] firstRows;
    private int mask;
    private int size;
    private int zeroFirstRow = ABSENT;

    FingerprintSet() {
        this(1 << 10);
    }

    FingerprintSet(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        fingerprints = new long[capacity];
        firstRows = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Adds {@code fingerprint}, seen in row {@code rowNumber} (1 or more), unless it is already present.
     *
     * @return {@link #ABSENT} when it was added; otherwise the row it was first seen in, or {@link #UNKNOWN_ROW}
     */
    int addIfAbsent(long fingerprint, long rowNumber) {
        int row = rowNumber > Integer.MAX_VALUE ? UNKNOWN_ROW : (int) rowNumber;
        if (fingerprint == 0) {
            // 0 marks an empty slot, so the fingerprint 0 is kept aside
            if (zeroFirstRow != ABSENT) {
                return zeroFirstRow;
            }
            zeroFirstRow = row;
            size++;
            return ABSENT;
        }
        int slot = (int) fingerprint & mask;
        while (true) {
            long present = fingerprints[slot];
            if (present == 0) {
                fingerprints[slot] = fingerprint;
                firstRows[slot] = row;
                if (++size > (mask + 1) / 4 * 3) {
                    grow();
                }
                return ABSENT;
            }
            if (present == fingerprint) {
                return firstRows[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** How many distinct fingerprints the set holds. */
    int size() {
        return size;
    }

    private void grow() {
        int capacity = fingerprints.length << 1;
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("too many distinct values for one duplicate check: " + size);
        }
        long[] oldFingerprints = fingerprints;
        int[] oldRows = firstRows;
        fingerprints = new long[capacity];
        firstRows = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < oldFingerprints.length; i++) {
            long fingerprint = oldFingerprints[i];
            if (fingerprint != 0) {
                int slot = (int) fingerprint & mask;
                while (fingerprints[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                fingerprints[slot] = fingerprint;
                firstRows[slot] = oldRows[i];
            }
        }
    }
}
