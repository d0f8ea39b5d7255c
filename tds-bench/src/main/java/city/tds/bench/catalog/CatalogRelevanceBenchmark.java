package city.tds.bench.catalog;

import city.tds.bench.Options;
import city.tds.bench.catalog.RelevanceSet.JudgedCatalog;
import city.tds.bench.catalog.RelevanceSet.JudgedQuery;
import city.tds.catalog.search.BgeSmallZhEmbedder;
import city.tds.catalog.search.CatalogIndex;
import city.tds.catalog.search.CatalogSearch;
import city.tds.catalog.search.RankingMetrics;
import city.tds.catalog.search.RankingMetrics.Scores;
import city.tds.catalog.search.SearchDocument;
import city.tds.catalog.search.SearchHit;
import city.tds.catalog.search.SearchMode;
import city.tds.catalog.search.SearchRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranking quality of catalog search on the judged relevance set: nDCG@10, MRR@10 and recall@10 of BM25, DENSE and
 * HYBRID, over every query, per query style and per query. Every product of the judged catalog is embedded with the
 * real model (bge-small-zh v1.5), and every query is embedded as the engine embeds it.
 *
 * <p>{@code catalog-relevance [--per-query] [--explain <query id>,...]}
 */
public final class CatalogRelevanceBenchmark {

    static final int K = 10;
    private static final int BATCH = 64;
    private static final SearchMode[] MODES = SearchMode.values();

    private CatalogRelevanceBenchmark() {}

    public static void main(String[] args) {
        Options options = new Options(args);
        RelevanceSet set = RelevanceSet.shipped();
        JudgedCatalog catalog = set.catalog();
        List<JudgedQuery> queries = set.queries();
        System.out.printf(
                "catalog-relevance: %d queries %s; judged catalog %d products (%d hand-written, %d generated, seed %d);"
                        + " %d cores, Java %s%n",
                queries.size(),
                styleCounts(queries),
                catalog.documents().size(),
                set.handProducts().size(),
                set.backgroundProducts(),
                set.backgroundSeed(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder();
        try (CatalogIndex index = CatalogIndex.inMemory(embedder.dimensions())) {
            CatalogSearch search = new CatalogSearch(index, embedder);
            embedder.embed("预热");
            long start = System.nanoTime();
            List<CatalogIndex.IndexedProduct> indexed = new ArrayList<>();
            List<SearchDocument> documents = catalog.documents();
            for (int from = 0; from < documents.size(); from += BATCH) {
                List<SearchDocument> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
                List<float[]> vectors = search.embedAll(batch);
                for (int i = 0; i < batch.size(); i++) {
                    indexed.add(new CatalogIndex.IndexedProduct(batch.get(i), vectors.get(i)));
                }
            }
            double embedSeconds = (System.nanoTime() - start) / 1e9;
            search.rebuild(indexed, Map.of("benchmark", "catalog-relevance"));
            System.out.printf(
                    "embedded %d product texts in %.1f s (%.1f texts/s, batches of %d) and indexed them%n%n",
                    documents.size(), embedSeconds, documents.size() / embedSeconds, BATCH);

            Map<String, String> names = new HashMap<>();
            documents.forEach(d -> names.put(d.productId(), d.name()));
            List<QueryResult> results = new ArrayList<>();
            for (JudgedQuery query : queries) {
                Map<String, Integer> grades = catalog.grades(query);
                Map<SearchMode, List<String>> rankings = new EnumMap<>(SearchMode.class);
                Map<SearchMode, Scores> scores = new EnumMap<>(SearchMode.class);
                for (SearchMode mode : MODES) {
                    List<String> ranking = new ArrayList<>();
                    for (SearchHit hit : search.search(SearchRequest.of(query.text(), mode, K))
                            .hits()) {
                        ranking.add(hit.productId());
                    }
                    rankings.put(mode, ranking);
                    scores.put(mode, RankingMetrics.score(ranking, grades, K));
                }
                results.add(new QueryResult(query, grades, rankings, scores));
            }
            RelevanceReport report = new RelevanceReport(results, names, K);
            report.printSummary();
            report.printByStyle();
            report.printComparisons();
            report.printHybridLosses();
            if (options.flag("--per-query")) {
                report.printPerQuery();
            }
            String explain = options.value("--explain", "");
            if (!explain.isBlank()) {
                for (String id : explain.split(",")) {
                    report.explain(id.strip());
                }
            }
        }
    }

    /** One query's judgments, rankings and scores per mode. */
    record QueryResult(
            JudgedQuery query,
            Map<String, Integer> grades,
            Map<SearchMode, List<String>> rankings,
            Map<SearchMode, Scores> scores) {}

    private static String styleCounts(List<JudgedQuery> queries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        queries.forEach(q -> counts.merge(q.style(), 1, Integer::sum));
        return counts.toString().replace('{', '(').replace('}', ')');
    }
}
