/**
 * Catalog search: Chinese full-text search, semantic search and their fusion, with zone visibility, facet drill-down
 * and facet counts. {@link city.tds.catalog.search.CatalogSearch} is the entry point; {@link
 * city.tds.catalog.search.CatalogIndex} is the Lucene index behind it; {@link
 * city.tds.catalog.search.BgeSmallZhEmbedder} turns text into vectors in-process.
 *
 * <h2>Analysis</h2>
 *
 * smartcn's HMM segmenter splits unknown domain words into characters (五|险|一|金, 专|精|特|新, 信号|配|时). The
 * analyzer merges adjacent segments that together form a term of the shipped dictionary ({@code domain-terms.txt}
 * plus every word of {@code synonyms.txt}), longest first and only at the segmenter's word boundaries, so 个人|流水
 * never yields 人流. At index time a merged term also yields its parts at the same position (住房公积金 → 住房,
 * 公积金). At query time synonyms are expanded ({@code synonyms.txt}, SynonymGraphFilter) and scored as one term with
 * the typed word; question words and generic catalog words ({@code query-stopwords.txt}) are dropped. A CJK-bigram
 * field is the safety net for words segmented differently in query and product.
 *
 * <h2>Full text</h2>
 *
 * Words are matched in one field holding all of a product's text, with a bonus for the name. Words held by more than
 * 5 % of a large catalog only score, and only in names, as in CommonTermsQuery; the telling words decide the match
 * set, whose size bounds the cost of ranking and of facet counting. Queries are built from analysed tokens, never by a
 * query parser.
 *
 * <h2>Semantic and hybrid</h2>
 *
 * bge-small-zh v1.5 vectors (512 dimensions, normalised, dot product) in an HNSW graph over int8 quantised vectors;
 * the 100 nearest candidates are re-ranked by their exact cosine from the stored float vectors. Hybrid fuses the top
 * 100 of each side by {@link city.tds.catalog.search.HybridFusion}: 0.7 × min-max normalised cosine + 0.3 × BM25
 * divided by the query's attainable score. The measurements behind these choices are in the classes' documentation.
 *
 * <h2>Facets</h2>
 *
 * Counted over the whole visible, filtered match set (for dense search: over the nearest-neighbour candidates; for
 * hybrid: text matches plus candidates), per segment, without an index-wide ordinal map.
 */
package city.tds.catalog.search;
