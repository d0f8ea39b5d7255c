package city.tds.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting directory trees: the demo's temporary directory, a failed first start's files, benchmark scratch. */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code dir} and everything below it. Does nothing if it does not exist. */
    public static void deleteRecursively(Path dir) {
        delete(dir, true);
    }

    /** Deletes everything below {@code dir} but keeps {@code dir} itself. */
    public static void deleteContents(Path dir) {
        delete(dir, false);
    }

    private static void delete(Path dir, boolean includingRoot) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (includingRoot || !path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (NoSuchFileException alreadyGone) {
            // someone else removed part of the tree: what is left is still removed on the next call
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
