package city.tds.governance.detect;

/** An immutable set of BMP characters as a 64 Kibit bitmap. */
final class CharTable {

    private final long[] bits = new long[1024];

    CharTable(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            bits[c >>> 6] |= 1L << (c & 63);
        }
    }

    boolean contains(char c) {
        return (bits[c >>> 6] & (1L << (c & 63))) != 0;
    }
}
