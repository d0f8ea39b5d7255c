package city.tds.server.node;

import city.tds.server.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The node's data directory, locked for as long as the node runs so that two nodes never share one. If a first start
 * fails, {@link #discardIfFresh()} removes what that start created, leaving the directory as it was found.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "tds.lock";

    private final Path path;
    private final boolean existed;
    private final boolean fresh;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, boolean existed, boolean fresh, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.existed = existed;
        this.fresh = fresh;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static DataDirectory open(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        boolean existed = Files.exists(path);
        if (existed && !Files.isDirectory(path)) {
            throw new StartupException("数据目录不是目录 / data directory " + path + " is not a directory");
        }
        boolean fresh = !existed || isEmpty(path);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new StartupException("无法创建数据目录 / cannot create data directory " + path + ": " + reason(e));
        }
        try {
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StartupException("数据目录不可写 / data directory " + path + " is not writable: " + reason(e));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(path);
            }
            return new DataDirectory(path, existed, fresh, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(path);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("无法锁定数据目录 / cannot lock data directory " + path + ": " + reason(e));
        } catch (StartupException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** Whether this start found the directory absent or empty. */
    boolean fresh() {
        return fresh;
    }

    long usableBytes() {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** After a failed first start: deletes everything in the directory, and the directory if this start created it. */
    void discardIfFresh() {
        close();
        if (!fresh) {
            return;
        }
        try {
            if (existed) {
                FileTrees.deleteContents(path);
            } else {
                FileTrees.deleteRecursively(path);
            }
        } catch (UncheckedIOException ignored) {
            // best effort: the start-up failure is what the operator needs to see
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private static StartupException inUse(Path path) {
        return new StartupException("数据目录已被占用 / data directory " + path
                + " is in use by another running tds node (lock " + LOCK_FILE + ")");
    }

    private static boolean isEmpty(Path path) {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
