package city.tds.server.catalog;

import city.tds.catalog.search.BgeSmallZhEmbedder;
import city.tds.catalog.search.CatalogIndex;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the catalog's search index on its own thread while the node migrates its database: loading Lucene and the
 * Chinese analyzer's dictionaries is a good part of a start, and it does not need the database. Owns the index: closing
 * this closes it, whether the node started or failed part-way.
 */
public final class CatalogIndexOpening implements AutoCloseable {

    private final CompletableFuture<CatalogIndex> opening;

    private CatalogIndexOpening(CompletableFuture<CatalogIndex> opening) {
        this.opening = opening;
    }

    /** Starts opening (or creating) the index under {@code dataDir}. */
    public static CatalogIndexOpening start(Path dataDir, String nodeName) {
        CompletableFuture<CatalogIndex> opening = new CompletableFuture<>();
        Path directory = dataDir.resolve("catalog-index");
        Thread thread = new Thread(
                () -> {
                    try {
                        opening.complete(CatalogIndex.open(directory, BgeSmallZhEmbedder.DIMENSIONS));
                    } catch (RuntimeException | Error e) {
                        opening.completeExceptionally(e);
                    }
                },
                "tds-" + nodeName + "-catalog-index");
        thread.setDaemon(true);
        thread.start();
        return new CatalogIndexOpening(opening);
    }

    /** The opened index; waits for it, and rethrows what made opening fail. */
    CatalogIndex await() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        CatalogIndex index = opening.handle((opened, failure) -> opened).join();
        if (index != null) {
            index.close();
        }
    }
}
