package city.tds.crypto;

import java.security.SecureRandom;

/** Returns the given bytes, in order, to reproduce a published signature that used a known random k. */
final class FixedRandom extends SecureRandom {
    private final byte[] bytes;
    private int next;

    FixedRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (next == bytes.length) {
                throw new IllegalStateException("fixed random exhausted");
            }
            out[i] = bytes[next++];
        }
    }
}
