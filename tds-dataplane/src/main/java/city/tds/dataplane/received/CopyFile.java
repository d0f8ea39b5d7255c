package city.tds.dataplane.received;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SymmetricKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The file format of a consumer's encrypted copy: the magic {@code TDSCOPY1}, then chunks of at most {@link #CHUNK}
 * plaintext bytes, each a 4-byte big-endian length and the chunk sealed with the copy's key (nonce, ciphertext, tag).
 * A chunk's associated data is the copy id, its index and whether it is the last, so that chunks cannot be reordered,
 * moved between copies, or cut off at the end without the reader noticing: a copy without its last chunk is
 * incomplete, never shorter.
 */
final class CopyFile {

    static final byte[] MAGIC = "TDSCOPY1".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 1 << 20;
    /** Nonce and tag around a sealed chunk. */
    static final int OVERHEAD = 12 + 16;

    private CopyFile() {}

    static byte[] associatedData(String copyId, long index, boolean last) {
        byte[] id = copyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + 9)
                .put(id)
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    /** The key, suite and id a copy's chunks are sealed with. */
    record Keying(CryptoSuite suite, SymmetricKey key, String copyId) {}
}
