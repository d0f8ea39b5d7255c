/**
 * Catalog search: Chinese full-text (BM25 over a domain-dictionary analyzer with synonyms and a CJK-bigram safety
 * net), semantic search (bge-small-zh v1.5 embeddings in Lucene HNSW vectors) and their fusion, with zone visibility,
 * facet drill-down and facet counts. {@link city.tds.catalog.search.CatalogSearch} is the entry point; {@link
 * city.tds.catalog.search.CatalogIndex} is the Lucene index behind it.
 */
package city.tds.catalog.search;
