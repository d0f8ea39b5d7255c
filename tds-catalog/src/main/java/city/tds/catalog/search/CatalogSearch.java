package city.tds.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog's search engine: an index and the embedder that turns products and queries into vectors. Embedding a
 * product takes about 15 ms (about 8 ms each in batches), so products are embedded once, when they are listed, and the
 * caller keeps the vectors with the products to rebuild the index without embedding again.
 */
public final class CatalogSearch {
    private final CatalogIndex index;
    private final TextEmbedder embedder;

    public CatalogSearch(CatalogIndex index, TextEmbedder embedder) {
        this.index = Objects.requireNonNull(index, "index");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (embedder.dimensions() != index.dimensions()) {
            throw new IllegalArgumentException("embedder makes " + embedder.dimensions()
                    + "-dimensional vectors, the index holds " + index.dimensions());
        }
    }

    /** Answers a request, embedding its text first for {@link SearchMode#DENSE} and {@link SearchMode#HYBRID}. */
    public SearchResults search(SearchRequest request) {
        float[] vector = null;
        if (request.mode() != SearchMode.BM25 && !request.isBrowse()) {
            vector = embedder.embedQuery(request.text());
        }
        return index.search(request, vector);
    }

    /** The vector of a product, to be stored with it. */
    public float[] embed(SearchDocument document) {
        return embedder.embed(document.embeddingText());
    }

    /** The vectors of several products, in order; faster than one by one. */
    public List<float[]> embedAll(List<SearchDocument> documents) {
        List<String> texts = new ArrayList<>(documents.size());
        for (SearchDocument document : documents) {
            texts.add(document.embeddingText());
        }
        return embedder.embedAll(texts);
    }

    /** Indexes a product with a vector computed before (null: the product takes no part in semantic search). */
    public void index(SearchDocument document, float[] vector) {
        index.upsert(document, vector);
    }

    /** Embeds and indexes a product; returns the vector so the caller can store it. */
    public float[] embedAndIndex(SearchDocument document) {
        float[] vector = embed(document);
        index.upsert(document, vector);
        return vector;
    }

    /** Takes a product out of the index (delisting). */
    public void remove(String productId) {
        index.remove(productId);
    }

    /** Rebuilds the index from the caller's store; see {@link CatalogIndex#replaceAll}. */
    public void rebuild(Iterable<CatalogIndex.IndexedProduct> all, Map<String, String> commitData) {
        index.replaceAll(all, commitData);
    }

    /** Whether the index's last commit carries exactly {@code expectedCommitData}. */
    public boolean isCurrent(Map<String, String> expectedCommitData) {
        return index.commitData().equals(expectedCommitData);
    }

    public CatalogIndex index() {
        return index;
    }
}
