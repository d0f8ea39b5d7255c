package city.tds.evidence.log;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A tree head signed with the node key: the log's size and root at a moment.
 *
 * <p>The signature covers the RFC 9162 {@code TreeHeadDataV2} structure (section 4.10): {@code timestamp} (uint64,
 * milliseconds since the epoch), {@code tree_size} (uint64), {@code root_hash} (one length byte, then the hash) and
 * empty {@code sth_extensions} (a two-byte zero length), all big-endian.
 */
public record SignedTreeHead(long treeSize, Instant timestamp, byte[] rootHash, String keyId, byte[] signature) {

    public SignedTreeHead {
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /** The bytes the signature is over. */
    public byte[] signedBytes() {
        return signedBytes(treeSize, timestamp, rootHash);
    }

    public static byte[] signedBytes(long treeSize, Instant timestamp, byte[] rootHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + 8 + 1 + rootHash.length + 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(timestamp.toEpochMilli());
            out.writeLong(treeSize);
            out.writeByte(rootHash.length);
            out.write(rootHash);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
