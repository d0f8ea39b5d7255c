package city.tds.dataplane.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that hands out its data one piece at a time (a table row, a decrypted chunk), asking for the next
 * piece only when the last is used up, so that memory holds one piece whatever the data's size.
 */
public abstract class PieceInputStream extends InputStream {

    private byte[] piece = new byte[0];
    private int position;

    /** The next piece (possibly empty), or null at the end of the data. */
    protected abstract byte[] nextPiece() throws IOException;

    /** Sets the first piece, for a stream that has one before any read (a header line). */
    protected final void start(byte[] first) {
        piece = first;
        position = 0;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == piece.length) {
            byte[] next = nextPiece();
            if (next == null) {
                return -1;
            }
            piece = next;
            position = 0;
        }
        int n = Math.min(length, piece.length - position);
        System.arraycopy(piece, position, target, offset, n);
        position += n;
        return n;
    }
}
