package city.tds.governance.quality;

/**
 * 64-bit fingerprints of values, for exact-with-known-error duplicate detection in {@link FingerprintSet}.
 *
 * <p>The text's UTF-16 chars are packed four to a 64-bit word; each word is scrambled by a bijective
 * multiply-xorshift mix and folded into the state by xor, multiply by an odd constant and rotate (a bijection of the
 * state for a fixed word), and the length and a final mix close it. Two texts of the same length that differ in one
 * word therefore never collide; for other pairs the fingerprints behave like independent uniform 64-bit values, so
 * among {@code n} distinct values the chance that any two share a fingerprint is about n²/2⁶⁵: 3·10⁻⁶ for 10 million
 * values, 3·10⁻⁴ for 100 million. A collision makes a duplicate rule report a false duplicate; it never hides a
 * real one. The function is not keyed, so someone who crafts a file could plant collisions on purpose.
 */
final class Fingerprint {

    private static final long SEED = 0x6a09e667f3bcc909L;
    private static final long STEP = 0x9e3779b97f4a7c15L;
    private static final long MIX_1 = 0xbf58476d1ce4e5b9L;
    private static final long MIX_2 = 0x94d049bb133111ebL;

    private Fingerprint() {}

    /** The fingerprint of one value. */
    static long of(String value) {
        int length = value.length();
        long state = SEED;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long word = value.charAt(i)
                    | (long) value.charAt(i + 1) << 16
                    | (long) value.charAt(i + 2) << 32
                    | (long) value.charAt(i + 3) << 48;
            state = fold(state, word);
        }
        if (i < length) {
            long word = 0;
            for (int shift = 0; i < length; i++, shift += 16) {
                word |= (long) value.charAt(i) << shift;
            }
            state = fold(state, word);
        }
        return mix(state ^ length);
    }

    /** The fingerprint of a tuple of values; none may be {@code null}. */
    static long of(String[] row, int[] columns) {
        long state = SEED ^ columns.length;
        for (int column : columns) {
            state = fold(state, of(row[column]));
        }
        return mix(state);
    }

    private static long fold(long state, long word) {
        return Long.rotateLeft((state ^ mix(word)) * STEP, 29);
    }

    /** A bijective mix of 64 bits: two rounds of multiply by an odd constant and xorshift. */
    static long mix(long x) {
        x ^= x >>> 31;
        x *= MIX_1;
        x ^= x >>> 29;
        x *= MIX_2;
        x ^= x >>> 32;
        return x;
    }
}
