package city.tds.evidence.merkle;

/** Arithmetic of RFC 9162 trees. */
final class TreeMath {

    private TreeMath() {}

    /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2} (the split point of RFC 9162). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }
}
