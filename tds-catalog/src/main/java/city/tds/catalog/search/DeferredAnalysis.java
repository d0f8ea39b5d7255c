package city.tds.catalog.search;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * The catalog's analyzers, built on first use rather than when the index opens: building them loads the Chinese
 * analyzer's dictionaries and parses the synonyms, a few hundred milliseconds that a node's start should not wait for.
 * {@link #load()} builds them ahead of the first request, on a thread of the caller's choosing.
 */
final class DeferredAnalysis implements Supplier<CatalogAnalysis>, AutoCloseable {

    private final Supplier<CatalogAnalysis> factory;
    private volatile CatalogAnalysis analysis;
    private boolean closed;

    DeferredAnalysis(Supplier<CatalogAnalysis> factory) {
        this.factory = factory;
    }

    @Override
    public CatalogAnalysis get() {
        CatalogAnalysis loaded = analysis;
        return loaded != null ? loaded : load();
    }

    /** Builds the analyzers now, if not built yet. */
    synchronized CatalogAnalysis load() {
        if (closed) {
            throw new IllegalStateException("the catalog index is closed");
        }
        if (analysis == null) {
            analysis = factory.get();
        }
        return analysis;
    }

    /** The index analyzer; it builds the analyzers when the index writer first analyses a document. */
    Analyzer indexAnalyzer() {
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return get().indexAnalyzer();
            }
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (analysis != null) {
            analysis.close();
        }
    }
}
