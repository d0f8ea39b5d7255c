package city.tds.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nDCG@10 on the {@link EvaluationCorpus} with the real model: hybrid must beat full text clearly and not fall behind
 * dense alone, on the tuning queries and on the queries written after tuning. These are quality floors, not the
 * measured values (see {@link HybridFusion}); they catch a broken analyzer, fusion or embedding, not small drifts.
 */
class SearchQualityTest {
    private static CatalogIndex index;
    private static CatalogSearch search;

    @BeforeAll
    static void indexCorpus() {
        BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder();
        index = CatalogIndex.inMemory(embedder.dimensions());
        search = new CatalogSearch(index, embedder);
        List<SearchDocument> products = EvaluationCorpus.products();
        List<float[]> vectors = search.embedAll(products);
        List<CatalogIndex.IndexedProduct> all = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            all.add(new CatalogIndex.IndexedProduct(products.get(i), vectors.get(i)));
        }
        index.replaceAll(all, Map.of());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void hybridBeatsFullTextAndKeepsUpWithDenseOnTheTuningQueries() {
        Map<SearchMode, Double> ndcg = meanNdcg(EvaluationCorpus.queries());

        assertThat(ndcg.get(SearchMode.BM25)).isGreaterThan(0.75);
        assertThat(ndcg.get(SearchMode.HYBRID)).isGreaterThan(ndcg.get(SearchMode.BM25) + 0.05);
        assertThat(ndcg.get(SearchMode.HYBRID)).isGreaterThan(ndcg.get(SearchMode.DENSE) - 0.01);
    }

    @Test
    void hybridBeatsFullTextOnTheQueriesWrittenAfterTuning() {
        Map<SearchMode, Double> ndcg = meanNdcg(EvaluationCorpus.heldOutQueries());

        assertThat(ndcg.get(SearchMode.HYBRID)).isGreaterThan(ndcg.get(SearchMode.BM25) + 0.1);
        assertThat(ndcg.get(SearchMode.HYBRID)).isGreaterThan(ndcg.get(SearchMode.DENSE) - 0.03);
    }

    private static Map<SearchMode, Double> meanNdcg(List<EvaluationCorpus.Judged> queries) {
        Map<SearchMode, Double> means = new EnumMap<>(SearchMode.class);
        for (SearchMode mode : SearchMode.values()) {
            double sum = 0;
            for (EvaluationCorpus.Judged query : queries) {
                List<String> ranked = CatalogIndexTest.ids(search.search(SearchRequest.of(query.text(), mode, 10)));
                sum += RankingMetrics.score(ranked, query.grades(), 10).ndcg();
            }
            means.put(mode, sum / queries.size());
        }
        return means;
    }
}
