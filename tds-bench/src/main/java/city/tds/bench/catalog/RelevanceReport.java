package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogRelevanceBenchmark.QueryResult;
import city.tds.catalog.search.RankingMetrics.Scores;
import city.tds.catalog.search.SearchMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Prints the relevance benchmark's tables. */
final class RelevanceReport {
    private static final SearchMode[] MODES = SearchMode.values();
    private static final int BOOTSTRAP_SAMPLES = 10_000;

    private final List<QueryResult> results;
    private final Map<String, String> names;
    private final int k;

    RelevanceReport(List<QueryResult> results, Map<String, String> names, int k) {
        this.results = List.copyOf(results);
        this.names = names;
        this.k = k;
    }

    void printSummary() {
        System.out.printf("| mode | nDCG@%d | MRR@%d | recall@%d |%n|---|---|---|---|%n", k, k, k);
        for (SearchMode mode : MODES) {
            System.out.printf(
                    "| %s | %.3f | %.3f | %.3f |%n",
                    mode,
                    mean(results, r -> r.scores().get(mode).ndcg()),
                    mean(results, r -> r.scores().get(mode).mrr()),
                    mean(results, r -> r.scores().get(mode).recall()));
        }
        System.out.println();
    }

    void printByStyle() {
        Map<String, List<QueryResult>> byStyle = new LinkedHashMap<>();
        results.forEach(r -> byStyle.computeIfAbsent(r.query().style(), s -> new ArrayList<>())
                .add(r));
        System.out.printf(
                "nDCG@%d by query style%n| style | queries | BM25 | DENSE | HYBRID |%n|---|---|---|---|---|%n", k);
        byStyle.forEach((style, list) -> System.out.printf(
                "| %s | %d | %.3f | %.3f | %.3f |%n",
                style,
                list.size(),
                mean(list, r -> r.scores().get(SearchMode.BM25).ndcg()),
                mean(list, r -> r.scores().get(SearchMode.DENSE).ndcg()),
                mean(list, r -> r.scores().get(SearchMode.HYBRID).ndcg())));
        System.out.println();
    }

    /** Per-query wins and losses of HYBRID, and a paired bootstrap interval of the mean nDCG difference. */
    void printComparisons() {
        System.out.printf(
                "HYBRID against each single mode, per query (nDCG@%d)%n"
                        + "| against | hybrid better | equal | hybrid worse | mean difference | 95%% interval (paired bootstrap) |%n"
                        + "|---|---|---|---|---|---|%n",
                k);
        for (SearchMode other : List.of(SearchMode.BM25, SearchMode.DENSE)) {
            double[] diff = new double[results.size()];
            int better = 0;
            int worse = 0;
            for (int i = 0; i < diff.length; i++) {
                diff[i] = results.get(i).scores().get(SearchMode.HYBRID).ndcg()
                        - results.get(i).scores().get(other).ndcg();
                if (diff[i] > 1e-9) {
                    better++;
                } else if (diff[i] < -1e-9) {
                    worse++;
                }
            }
            double[] interval = bootstrap(diff);
            System.out.printf(
                    "| %s | %d | %d | %d | %+.3f | [%+.3f, %+.3f] |%n",
                    other,
                    better,
                    diff.length - better - worse,
                    worse,
                    Arrays.stream(diff).average().orElse(0),
                    interval[0],
                    interval[1]);
        }
        System.out.println();
    }

    void printHybridLosses() {
        System.out.printf(
                "Queries where HYBRID ranks below BM25 or DENSE (nDCG@%d); first three hits with their grades%n", k);
        System.out.println("| query | text | BM25 | DENSE | HYBRID | HYBRID top 3 | best single mode top 3 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (QueryResult r : results) {
            double hybrid = r.scores().get(SearchMode.HYBRID).ndcg();
            double bm25 = r.scores().get(SearchMode.BM25).ndcg();
            double dense = r.scores().get(SearchMode.DENSE).ndcg();
            if (hybrid < Math.max(bm25, dense) - 1e-9) {
                SearchMode best = bm25 >= dense ? SearchMode.BM25 : SearchMode.DENSE;
                System.out.printf(
                        "| %s | %s | %.3f | %.3f | %.3f | %s | %s: %s |%n",
                        r.query().id(),
                        r.query().text(),
                        bm25,
                        dense,
                        hybrid,
                        top(r, SearchMode.HYBRID, 3),
                        best,
                        top(r, best, 3));
            }
        }
        System.out.println();
    }

    void printPerQuery() {
        System.out.printf(
                "Per query (nDCG@%d)%n| query | style | text | judged | BM25 | DENSE | HYBRID |%n|---|---|---|---|---|---|---|%n",
                k);
        for (QueryResult r : results) {
            System.out.printf(
                    "| %s | %s | %s | %d | %.3f | %.3f | %.3f |%n",
                    r.query().id(),
                    r.query().style(),
                    r.query().text(),
                    r.grades().size(),
                    r.scores().get(SearchMode.BM25).ndcg(),
                    r.scores().get(SearchMode.DENSE).ndcg(),
                    r.scores().get(SearchMode.HYBRID).ndcg());
        }
        System.out.println();
    }

    void explain(String queryId) {
        for (QueryResult r : results) {
            if (!r.query().id().equals(queryId)) {
                continue;
            }
            System.out.printf(
                    "%s「%s」: %d judged products%n",
                    r.query().id(), r.query().text(), r.grades().size());
            for (SearchMode mode : MODES) {
                Scores s = r.scores().get(mode);
                System.out.printf("  %s nDCG %.3f MRR %.3f recall %.3f%n", mode, s.ndcg(), s.mrr(), s.recall());
                List<String> ranking = r.rankings().get(mode);
                for (int i = 0; i < ranking.size(); i++) {
                    String id = ranking.get(i);
                    System.out.printf(
                            "    %2d. [%d] %s %s%n", i + 1, r.grades().getOrDefault(id, 0), id, names.get(id));
                }
            }
            System.out.println();
        }
    }

    private String top(QueryResult r, SearchMode mode, int n) {
        List<String> parts = new ArrayList<>();
        List<String> ranking = r.rankings().get(mode);
        for (int i = 0; i < Math.min(n, ranking.size()); i++) {
            String id = ranking.get(i);
            parts.add(names.get(id) + " [" + r.grades().getOrDefault(id, 0) + "]");
        }
        return String.join("; ", parts);
    }

    private static double mean(List<QueryResult> list, ToDoubleFunction<QueryResult> metric) {
        return list.stream().mapToDouble(metric).average().orElse(0);
    }

    /** 2.5 and 97.5 percentiles of the mean of {@code values} resampled with replacement (fixed seed). */
    private static double[] bootstrap(double[] values) {
        SplittableRandom random = new SplittableRandom(5);
        double[] means = new double[BOOTSTRAP_SAMPLES];
        for (int s = 0; s < BOOTSTRAP_SAMPLES; s++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[s] = sum / values.length;
        }
        Arrays.sort(means);
        return new double[] {means[(int) (0.025 * BOOTSTRAP_SAMPLES)], means[(int) (0.975 * BOOTSTRAP_SAMPLES) - 1]};
    }
}
