package city.tds.catalog.search;

/** How a catalog query is answered. */
public enum SearchMode {
    /** Full-text only: BM25 over the analysed text fields. */
    BM25,
    /** Semantic only: nearest neighbours of the query embedding. */
    DENSE,
    /** Both, fused by {@link HybridFusion}. */
    HYBRID
}
