package city.tds.dataplane.stream;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.Hasher;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The checksum of delivered data, as both sides compute it: the suite's hash (SM3 or SHA-256) over every byte, the
 * byte count, and the record count (lines; for CSV, lines outside quoted fields, without the header line; a last
 * line without a line break counts). Provider and consumer each record theirs as evidence, so anyone can compare.
 */
public final class ContentDigest {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;

    private final Hasher hasher;
    private final String algorithm;
    private final boolean csv;
    private final boolean headerLine;
    private long bytes;
    private long lines;
    private boolean inQuotes;
    private boolean lineOpen;

    public ContentDigest(CryptoSuite suite, boolean csv, boolean headerLine) {
        this.hasher = suite.newHasher();
        this.algorithm = suite.hashAlgorithm();
        this.csv = csv;
        this.headerLine = headerLine;
    }

    /**
     * Adds {@code length} bytes. Large updates go through in slices of {@value #SLICE} bytes: the JIT compiles a
     * method (and uses the CPU's SHA instructions in it) after enough calls, and a call per MiB would leave the
     * counting loop and the hash's compression interpreted for long.
     */
    public void update(byte[] data, int offset, int length) {
        for (int from = offset; from < offset + length; from += SLICE) {
            updateSlice(data, from, Math.min(SLICE, offset + length - from));
        }
    }

    private static final int SLICE = 16 * 1024;

    private void updateSlice(byte[] data, int offset, int length) {
        hasher.update(data, offset, length);
        bytes += length;
        // the hot loop of every transfer: eight bytes at a time while no quote is open or near, byte by byte else
        long counted = 0;
        boolean quoted = inQuotes;
        boolean endedLine = false;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (!quoted) {
                while (i + Long.BYTES <= end) {
                    long word = (long) LONGS.get(data, i);
                    if (csv && zeroBytes(word ^ QUOTES) != 0) {
                        break;
                    }
                    counted += Long.bitCount(zeroBytes(word ^ NEWLINES));
                    i += Long.BYTES;
                    endedLine = data[i - 1] == '\n';
                }
            }
            int stop = Math.min(end, i + Long.BYTES);
            for (; i < stop; i++) {
                byte b = data[i];
                if (b == '"' && csv) {
                    quoted = !quoted;
                    endedLine = false;
                } else if (b == '\n' && !quoted) {
                    counted++;
                    endedLine = true;
                } else {
                    endedLine = false;
                }
            }
        }
        lines += counted;
        inQuotes = quoted;
        lineOpen = !endedLine;
    }

    /** The high bit of each byte of {@code word} that is zero, and no other bit. */
    private static long zeroBytes(long word) {
        return ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
    }

    public long bytes() {
        return bytes;
    }

    /** The records so far (complete lines, less the header line). */
    public long records() {
        long all = lines + (lineOpen ? 1 : 0);
        return headerLine ? Math.max(0, all - 1) : all;
    }

    /** Ends the digest: what was delivered. The digest cannot be updated after. */
    public Checksum finish() {
        return new Checksum(algorithm, HexFormat.of().formatHex(hasher.digest()), bytes, records());
    }

    /** A finished checksum: {@code algorithm} and lower-case hex {@code digest}, with the counts. */
    public record Checksum(String algorithm, String digest, long bytes, long records) {

        /** {@code sm3:<hex>} or {@code sha-256:<hex>}. */
        public String labelled() {
            return algorithm.toLowerCase(java.util.Locale.ROOT) + ":" + digest;
        }
    }
}
