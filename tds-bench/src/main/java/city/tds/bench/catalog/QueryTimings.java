package city.tds.bench.catalog;

import city.tds.catalog.search.SearchMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Per-query latencies of one mode: embedding the query, searching the index, and both. */
final class QueryTimings {
    private final SearchMode mode;
    private final List<String> queries;
    private final Latencies embed = new Latencies();
    private final Latencies search = new Latencies();
    private final Latencies total = new Latencies();
    private final List<Long> matches = new ArrayList<>();

    QueryTimings(SearchMode mode, List<String> queries) {
        this.mode = mode;
        this.queries = queries;
    }

    void add(long embedNanos, long searchNanos, long matchCount) {
        embed.add(embedNanos);
        search.add(searchNanos);
        total.add(embedNanos + searchNanos);
        matches.add(matchCount);
    }

    static void printTable(QueryTimings[] all) {
        System.out.println(
                "| mode | queries | p50 | p95 | p99 | max | mean | index only p50 / p95 / p99 | query embedding p50 / p95 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (QueryTimings t : all) {
            boolean embeds = t.mode != SearchMode.BM25;
            System.out.printf(
                    "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f / %.1f / %.1f ms | %s |%n",
                    t.mode,
                    t.total.size(),
                    t.total.percentileMillis(50),
                    t.total.percentileMillis(95),
                    t.total.percentileMillis(99),
                    t.total.maxMillis(),
                    t.total.meanMillis(),
                    t.search.percentileMillis(50),
                    t.search.percentileMillis(95),
                    t.search.percentileMillis(99),
                    embeds
                            ? String.format(
                                    "%.1f / %.1f ms", t.embed.percentileMillis(50), t.embed.percentileMillis(95))
                            : "—");
        }
    }

    /**
     * Latency by how broad the query's words are: queries bucketed by how many products their full-text query matches
     * (from the BM25 run), since facet counting and scoring visit every match.
     */
    static void printByBreadth(QueryTimings[] all, long catalogSize) {
        QueryTimings bm25 = null;
        for (QueryTimings t : all) {
            if (t.mode == SearchMode.BM25) {
                bm25 = t;
            }
        }
        if (bm25 == null) {
            return;
        }
        double[] limits = {0.001, 0.1, 1.01};
        String[] labels = {"< 0.1 %", "0.1 % to 10 %", "≥ 10 %"};
        System.out.println("latency by the share of the catalog the query's words match (p50 / p95)");
        System.out.print("| mode |");
        for (String label : labels) {
            System.out.print(" " + label + " |");
        }
        System.out.println();
        System.out.println("|---|---|---|---|");
        for (QueryTimings t : all) {
            System.out.print("| " + t.mode + " |");
            double lower = 0;
            for (double limit : limits) {
                Latencies bucket = new Latencies();
                for (int i = 0; i < t.total.size(); i++) {
                    double share = (double) bm25.matches.get(i) / catalogSize;
                    if (share >= lower && share < limit) {
                        bucket.add(t.total.get(i));
                    }
                }
                System.out.printf(
                        " %d queries: %.1f / %.1f ms |",
                        bucket.size(), bucket.percentileMillis(50), bucket.percentileMillis(95));
                lower = limit;
            }
            System.out.println();
        }
    }

    void printSlowest(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> total.get(i)).reversed());
        System.out.printf("slowest %s queries:", mode);
        for (int i : order.subList(0, Math.min(n, order.size()))) {
            System.out.printf(
                    " 「%s」 %.1f ms (index %.1f ms, %,d matches);",
                    queries.get(i), total.get(i) / 1e6, search.get(i) / 1e6, matches.get(i));
        }
        System.out.println();
    }
}
