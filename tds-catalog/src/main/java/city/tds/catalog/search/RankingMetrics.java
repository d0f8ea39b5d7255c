package city.tds.catalog.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Ranking quality of one result list against graded judgments (3, 2, 1; unjudged 0), cut at {@code k}.
 *
 * <ul>
 *   <li>nDCG@k: gain 2^grade − 1, discount log2(rank + 1), divided by the DCG of the ideal ordering of all judged
 *       products;
 *   <li>MRR@k: 1 / rank of the first product of grade ≥ 2 (0 if none in the top k);
 *   <li>recall@k: products of grade ≥ 2 in the top k, divided by min(k, number of products of grade ≥ 2).
 * </ul>
 */
public final class RankingMetrics {

    /** Grade from which a product counts as relevant for MRR and recall. */
    public static final int RELEVANT = 2;

    /** The three measures of one ranking. */
    public record Scores(double ndcg, double mrr, double recall) {}

    private RankingMetrics() {}

    /** The measures of {@code ranking} (product keys, best first) against {@code grades}, cut at {@code k}. */
    public static Scores score(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        double mrr = 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            int grade = grades.getOrDefault(ranking.get(i), 0);
            dcg += gain(grade) / log2(i + 2);
            if (grade >= RELEVANT) {
                found++;
                if (mrr == 0) {
                    mrr = 1.0 / (i + 1);
                }
            }
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort(Collections.reverseOrder());
        double idcg = 0;
        int relevant = 0;
        for (int i = 0; i < ideal.size(); i++) {
            if (i < k) {
                idcg += gain(ideal.get(i)) / log2(i + 2);
            }
            if (ideal.get(i) >= RELEVANT) {
                relevant++;
            }
        }
        double ndcg = idcg == 0 ? 0 : dcg / idcg;
        double recall = relevant == 0 ? 0 : (double) found / Math.min(k, relevant);
        return new Scores(ndcg, mrr, recall);
    }

    private static double gain(int grade) {
        return grade <= 0 ? 0 : Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
