package city.tds.dataplane.received;

import city.tds.dataplane.stream.PieceInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a finished copy back as plaintext, chunk by chunk. A chunk that does not authenticate, a chunk out of place,
 * or a copy that ends before its last chunk is an {@link IOException}: a damaged copy is never read as a shorter one.
 */
final class CopyReader extends PieceInputStream {

    private final DataInputStream in;
    private final CopyFile.Keying keying;
    private long index;
    private boolean last;

    private CopyReader(DataInputStream in, CopyFile.Keying keying) {
        this.in = in;
        this.keying = keying;
    }

    static CopyReader open(Path file, CopyFile.Keying keying) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            byte[] magic = in.readNBytes(CopyFile.MAGIC.length);
            if (!Arrays.equals(magic, CopyFile.MAGIC)) {
                throw new IOException(file.getFileName() + " is not a TDS copy");
            }
            return new CopyReader(in, keying);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    protected byte[] nextPiece() throws IOException {
        return last ? null : nextChunk();
    }

    private byte[] nextChunk() throws IOException {
        int sealedLength;
        byte[] sealed;
        try {
            sealedLength = in.readInt();
            if (sealedLength < CopyFile.OVERHEAD || sealedLength > CopyFile.CHUNK + CopyFile.OVERHEAD) {
                throw new IOException("the copy is damaged: chunk " + index + " has an impossible length");
            }
            sealed = in.readNBytes(sealedLength);
        } catch (EOFException e) {
            throw new IOException("the copy is incomplete: it ends before its last chunk", e);
        }
        if (sealed.length < sealedLength) {
            throw new IOException("the copy is incomplete: chunk " + index + " is cut off");
        }
        Optional<byte[]> plain = open(sealed, false);
        if (plain.isEmpty()) {
            plain = open(sealed, true);
            last = plain.isPresent();
        }
        if (plain.isEmpty()) {
            throw new IOException("the copy is damaged: chunk " + index + " does not authenticate");
        }
        index++;
        return plain.get();
    }

    private Optional<byte[]> open(byte[] sealed, boolean lastChunk) {
        return keying.suite().decrypt(keying.key(), sealed, CopyFile.associatedData(keying.copyId(), index, lastChunk));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
