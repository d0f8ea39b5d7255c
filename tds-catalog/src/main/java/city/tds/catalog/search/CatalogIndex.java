package city.tds.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of listed products: analysed text fields, facet values, zone ids and one embedding vector per
 * product (HNSW, dot product over normalised vectors).
 *
 * <p>Every change is visible to the next search as soon as {@link #upsert} or {@link #remove} returns. Changes are
 * made durable by {@link #commit} and by {@link #close}, not one by one: after a crash the index reopens at its last
 * commit, and {@link #commitData()} tells the caller how far that was, so it can rebuild from its store. Thread-safe:
 * searches run concurrently with each other and with writes; {@link #replaceAll} is atomic for searchers.
 */
public final class CatalogIndex implements AutoCloseable {

    /** A product and its vector (null when it has none), as handed to {@link #replaceAll}. */
    public record IndexedProduct(SearchDocument document, float[] vector) {}

    private static final double RAM_BUFFER_MB = 64;

    private final Directory directory;
    private final int dimensions;
    private final Codec codec;
    private final DeferredAnalysis analysis;
    private final ProductDocuments documents;
    private final SearchExecutor executor;
    /** Upserts and removals share it; replaceAll, commit and close take it alone. */
    private final ReadWriteLock writeLock = new ReentrantReadWriteLock();

    /** Searches split a large index into slices and search them in parallel on these threads. */
    private final ExecutorService searchThreads;

    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Map<String, String> committedData;

    CatalogIndex(Directory directory, int dimensions, Codec codec, TextScoring scoring, HybridFusion fusion)
            throws IOException {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        }
        this.directory = directory;
        this.dimensions = dimensions;
        this.codec = codec;
        this.analysis = new DeferredAnalysis(CatalogAnalysis::shipped);
        this.documents = new ProductDocuments(dimensions);
        this.executor = new SearchExecutor(new TextQueryBuilder(analysis, scoring), fusion);
        this.searchThreads = searchThreads(Runtime.getRuntime().availableProcessors());
        openWriter();
    }

    /** Opens (or creates) the index in {@code directory} on disk. */
    public static CatalogIndex open(Path directory, int dimensions) {
        try {
            return new CatalogIndex(
                    FSDirectory.open(directory),
                    dimensions,
                    VectorFormats.quantisedCodec(),
                    TextScoring.DEFAULT,
                    new HybridFusion());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the catalog index in " + directory, e);
        }
    }

    /** A fresh index in memory, for tests and small catalogs. */
    public static CatalogIndex inMemory(int dimensions) {
        try {
            return new CatalogIndex(
                    new ByteBuffersDirectory(),
                    dimensions,
                    VectorFormats.quantisedCodec(),
                    TextScoring.DEFAULT,
                    new HybridFusion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length of the vectors this index holds. */
    public int dimensions() {
        return dimensions;
    }

    /** Adds the product, or replaces the one with the same id; {@code vector} may be null (no semantic search). */
    public void upsert(SearchDocument document, float[] vector) {
        Objects.requireNonNull(document, "document");
        var doc = documents.toLucene(document, vector);
        writeLock.readLock().lock();
        try {
            writer.updateDocument(new Term(IndexFields.ID, document.productId()), doc);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.readLock().unlock();
        }
    }

    /** Removes the product; nothing happens when it is not indexed. */
    public void remove(String productId) {
        writeLock.readLock().lock();
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, productId));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.readLock().unlock();
        }
    }

    /**
     * Replaces the whole content with {@code all} and commits it with {@code commitData}, atomically: searches see the
     * old content until the new one is complete. If reading {@code all} fails, the index goes back to its last commit.
     */
    public void replaceAll(Iterable<IndexedProduct> all, Map<String, String> commitData) {
        writeLock.writeLock().lock();
        try {
            writer.deleteAll();
            for (IndexedProduct product : all) {
                writer.addDocument(documents.toLucene(product.document(), product.vector()));
            }
            commitLocked(commitData);
        } catch (IOException | RuntimeException e) {
            rollBack(e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        } finally {
            writeLock.writeLock().unlock();
        }
    }

    /** Makes all changes durable, recording {@code commitData} with them (Lucene commit user data). */
    public void commit(Map<String, String> commitData) {
        writeLock.writeLock().lock();
        try {
            commitLocked(commitData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.writeLock().unlock();
        }
    }

    /** The user data of the last commit; empty for a new index. */
    public Map<String, String> commitData() {
        return committedData;
    }

    /** How many products are indexed (as the next search sees them). */
    public long size() {
        SearcherManager manager = searchers;
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers a request. {@code queryVector} (the embedding of the request's text) is required for {@link
     * SearchMode#DENSE} and {@link SearchMode#HYBRID} unless the text is blank, and ignored for {@link SearchMode#BM25}.
     */
    public SearchResults search(SearchRequest request, float[] queryVector) {
        Objects.requireNonNull(request, "request");
        if (queryVector != null && queryVector.length != dimensions) {
            throw new IllegalArgumentException(
                    "query vector has " + queryVector.length + " dimensions, the index " + dimensions);
        }
        SearcherManager manager = searchers;
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return executor.run(searcher, request, queryVector);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the analyzers (the Chinese dictionaries, the synonyms) now instead of at the first search or change; a node
     * calls it on a background thread once it serves requests.
     */
    public void warmUp() {
        analysis.load();
    }

    /** Commits what is pending (with the last commit data) and closes the index. */
    @Override
    public void close() {
        writeLock.writeLock().lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
            analysis.close();
            searchThreads.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.writeLock().unlock();
        }
    }

    private void commitLocked(Map<String, String> commitData) throws IOException {
        Map<String, String> data = Map.copyOf(commitData == null ? Map.of() : commitData);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        committedData = data;
        searchers.maybeRefreshBlocking();
    }

    private void openWriter() throws IOException {
        boolean existed = DirectoryReader.indexExists(directory);
        IndexWriterConfig config = new IndexWriterConfig(analysis.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(codec)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(true);
        IndexWriter opened = new IndexWriter(directory, config);
        if (!existed) {
            opened.commit();
        }
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = opened.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        committedData = Map.copyOf(data);
        writer = opened;
        searchers = new SearcherManager(opened, true, false, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return new IndexSearcher(reader, searchThreads);
            }
        });
    }

    private static ExecutorService searchThreads(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "catalog-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private void rollBack(Exception cause) {
        SearcherManager old = searchers;
        try {
            writer.rollback();
            openWriter();
            old.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
