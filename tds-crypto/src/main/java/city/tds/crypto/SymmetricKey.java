package city.tds.crypto;

import java.util.Arrays;

/** Secret key material for a suite's authenticated cipher. Its {@code toString} never shows the key. */
public final class SymmetricKey {

    private final SuiteId suite;
    private final byte[] bytes;

    SymmetricKey(SuiteId suite, byte[] bytes) {
        this.suite = suite;
        this.bytes = bytes.clone();
    }

    public SuiteId suite() {
        return suite;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The raw key, for wrapping it under another key. Handle with care. */
    public byte[] exportBytes() {
        return bytes.clone();
    }

    /** Overwrites the key material in memory. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SymmetricKey[" + suite + ", " + bytes.length * 8 + " bits]";
    }
}
