package city.tds.catalog.search;

/**
 * One product in a result page.
 *
 * @param productId the product
 * @param score the score the page is ordered by: BM25 score, cosine similarity, or the fused score for hybrid
 * @param bm25Rank 1-based rank in the full-text list, or null when the full-text side did not return it
 * @param denseRank 1-based rank in the nearest-neighbour list, or null when the semantic side did not return it
 */
public record SearchHit(String productId, double score, Integer bm25Rank, Integer denseRank) {}
