package city.tds.dataplane.received;

import city.tds.dataplane.stream.ContentDigest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a copy's data encrypted, chunk by chunk, so that memory stays at one chunk whatever the data's size, and
 * feeds it to the copy's checksum, each chunk on a second thread while it is sealed. A
 * writer opened on an interrupted copy keeps the chunks that authenticate and drops a torn last one, so a resumed
 * transfer continues from {@link #offset()}.
 */
final class CopyWriter implements AutoCloseable {

    /** Checksums chunks beside the threads that seal them. */
    private static final ExecutorService DIGESTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tds-copy-digest");
        t.setDaemon(true);
        return t;
    });

    private final FileChannel channel;
    private final CopyFile.Keying keying;
    private final ContentDigest digest;
    private final byte[] buffer = new byte[CopyFile.CHUNK];
    private int buffered;
    private long index;
    private long offset;
    private boolean finished;

    private CopyWriter(FileChannel channel, CopyFile.Keying keying, ContentDigest digest, long index, long offset) {
        this.channel = channel;
        this.keying = keying;
        this.digest = digest;
        this.index = index;
        this.offset = offset;
    }

    /**
     * Opens {@code file} for writing: a new copy if there is none, else the chunks already written (each checked and
     * fed to {@code digest}), cut after the last whole one.
     */
    static CopyWriter open(Path file, CopyFile.Keying keying, ContentDigest digest) throws IOException {
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.size() < CopyFile.MAGIC.length) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(CopyFile.MAGIC), 0);
                channel.position(CopyFile.MAGIC.length);
                return new CopyWriter(channel, keying, digest, 0, 0);
            }
            ByteBuffer magic = ByteBuffer.allocate(CopyFile.MAGIC.length);
            channel.read(magic, 0);
            if (!Arrays.equals(magic.array(), CopyFile.MAGIC)) {
                throw new IOException(file + " is not a TDS copy");
            }
            long position = CopyFile.MAGIC.length;
            long index = 0;
            long offset = 0;
            ByteBuffer length = ByteBuffer.allocate(4);
            while (true) {
                length.clear();
                if (channel.read(length, position) < 4) {
                    break;
                }
                int sealedLength = length.flip().getInt();
                if (sealedLength < CopyFile.OVERHEAD || sealedLength > CopyFile.CHUNK + CopyFile.OVERHEAD) {
                    break;
                }
                ByteBuffer sealed = ByteBuffer.allocate(sealedLength);
                if (channel.read(sealed, position + 4) < sealedLength) {
                    break;
                }
                Optional<byte[]> plain = keying.suite()
                        .decrypt(keying.key(), sealed.array(), CopyFile.associatedData(keying.copyId(), index, false));
                if (plain.isEmpty()) {
                    if (keying.suite()
                            .decrypt(
                                    keying.key(), sealed.array(), CopyFile.associatedData(keying.copyId(), index, true))
                            .isPresent()) {
                        throw new IOException(file.getFileName() + " is a finished copy; it is not written again");
                    }
                    break; // a torn chunk: written again from here
                }
                digest.update(plain.get(), 0, plain.get().length);
                offset += plain.get().length;
                index++;
                position += 4 + sealedLength;
            }
            channel.truncate(position);
            channel.position(position);
            return new CopyWriter(channel, keying, digest, index, offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Plaintext bytes written so far (the offset a resumed transfer continues from, after {@link #checkpoint()}). */
    long offset() {
        return offset + buffered;
    }

    void write(byte[] data, int from, int length) throws IOException {
        int at = from;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, buffer.length - buffered);
            System.arraycopy(data, at, buffer, buffered, n);
            buffered += n;
            at += n;
            left -= n;
            if (buffered == buffer.length) {
                writeChunk(false);
            }
        }
    }

    /** Writes what is buffered as a chunk and forces it to disk: what a resumed transfer can keep. */
    void checkpoint() throws IOException {
        if (buffered > 0) {
            writeChunk(false);
        }
        channel.force(false);
    }

    /** Writes the last chunk and forces the copy to disk; the copy is complete. */
    void finish() throws IOException {
        writeChunk(true);
        channel.force(true);
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Seals what is buffered as the next chunk and appends it, while another thread adds the same bytes to the
     * checksum: the two read the buffer only, and both are done before it is filled again.
     */
    private void writeChunk(boolean last) throws IOException {
        int length = buffered;
        Future<?> digesting = length == 0 ? null : DIGESTS.submit(() -> digest.update(buffer, 0, length));
        try {
            byte[] plain = length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            byte[] sealed =
                    keying.suite().encrypt(keying.key(), plain, CopyFile.associatedData(keying.copyId(), index, last));
            ByteBuffer[] out = {ByteBuffer.allocate(4).putInt(0, sealed.length), ByteBuffer.wrap(sealed)};
            while (out[1].hasRemaining()) {
                channel.write(out);
            }
        } finally {
            awaitDigest(digesting);
        }
        offset += length;
        buffered = 0;
        index++;
    }

    private static void awaitDigest(Future<?> digesting) throws IOException {
        if (digesting == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    digesting.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the buffer is in use until the digest is done: wait it out
                } catch (ExecutionException e) {
                    throw new IOException("checksumming the copy failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
