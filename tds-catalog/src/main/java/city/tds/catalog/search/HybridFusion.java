package city.tds.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the full-text and the nearest-neighbour lists into one ranking.
 *
 * <p>The default, {@link Method#CEILING_SCORES}: {@code DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * bm25}, where the
 * dense score is min-max normalised over the dense candidates and the BM25 score is divided by the query's score
 * ceiling ({@link TextQueryBuilder.TextQuery#ceiling()}, capped at 1); a document missing from a list gets 0 there. Dividing by the ceiling instead of the
 * best hit's score keeps a full-text list whose best hit matched only a generic word (企业, 记录) from counting as
 * much as one that matched every word of the query: min-max normalisation gives any top hit full marks.
 *
 * <p>Chosen on the evaluation collection of the tests (180 products; nDCG@10 on 48 tuning queries / 30 queries written
 * after tuning): dense alone 0.905 / 0.911, BM25 alone 0.807 / 0.666; reciprocal rank fusion with k = 60 and equal
 * weights 0.899 / 0.840, below dense alone (distractors sharing the query's words push relevant products down); its
 * best variant (k = 5, dense weight 0.8) 0.912 / 0.912; min-max score fusion at dense weight 0.5 0.908 / 0.856, at 0.8
 * 0.919 / 0.887; this fusion at dense weight 0.5 0.915 / 0.887, at 0.7 0.922 / 0.913, at 0.9 0.910 / 0.910. Dense
 * weight 0.7 is best over both sets and keeps exact words dense search misses (DICOM, 打车, 骗保). Checked once, not
 * tuned, on the judged set (65 queries, 2,648 products): BM25 0.739, dense 0.827, hybrid 0.853.
 */
final class HybridFusion {

    /** A document of one input list with its score in that list; lists are ordered best first. */
    record Candidate(int doc, double score) {}

    /** A fused document; ranks are 1-based, null when the document was not in that list. */
    record Fused(int doc, double score, Integer bm25Rank, Integer denseRank) {}

    enum Method {
        /** Weighted sum: BM25 divided by the query's score ceiling, dense min-max normalised. */
        CEILING_SCORES,
        /** Weighted sum of min-max normalised scores. */
        NORMALISED_SCORES,
        /** Reciprocal rank fusion: the sum of weight / (k + rank). */
        RECIPROCAL_RANK
    }

    /** Weight of the semantic side; the full-text side gets the rest. */
    static final double DENSE_WEIGHT = 0.7;
    /** k of reciprocal rank fusion, when that method is chosen. */
    static final double RRF_K = 60;

    private final Method method;
    private final double denseWeight;
    private final double rrfK;

    HybridFusion() {
        this(Method.CEILING_SCORES, DENSE_WEIGHT, RRF_K);
    }

    HybridFusion(Method method, double denseWeight, double rrfK) {
        if (denseWeight < 0 || denseWeight > 1) {
            throw new IllegalArgumentException("dense weight must be within [0, 1]: " + denseWeight);
        }
        this.method = method;
        this.denseWeight = denseWeight;
        this.rrfK = rrfK;
    }

    /**
     * @param bm25 full-text candidates, best first
     * @param dense nearest-neighbour candidates (cosine similarity), best first
     * @param bm25Ceiling the query's score ceiling; 0 or less falls back to min-max normalisation
     */
    List<Fused> fuse(List<Candidate> bm25, List<Candidate> dense, double bm25Ceiling) {
        Map<Integer, double[]> parts = new HashMap<>();
        double ceiling = method == Method.CEILING_SCORES ? bm25Ceiling : 0;
        contribute(parts, bm25, 0, 1 - denseWeight, ceiling);
        contribute(parts, dense, 1, denseWeight, 0);
        Map<Integer, Integer> bm25Ranks = ranks(bm25);
        Map<Integer, Integer> denseRanks = ranks(dense);
        List<Fused> fused = new ArrayList<>(parts.size());
        for (Map.Entry<Integer, double[]> entry : parts.entrySet()) {
            int doc = entry.getKey();
            double[] p = entry.getValue();
            fused.add(new Fused(doc, p[0] + p[1], bm25Ranks.get(doc), denseRanks.get(doc)));
        }
        fused.sort(Comparator.comparingDouble(Fused::score)
                .reversed()
                .thenComparingInt(HybridFusion::bestRank)
                .thenComparingInt(Fused::doc));
        return fused;
    }

    private void contribute(
            Map<Integer, double[]> parts, List<Candidate> list, int side, double weight, double ceiling) {
        if (list.isEmpty()) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (Candidate c : list) {
            max = Math.max(max, c.score());
            min = Math.min(min, c.score());
        }
        for (int i = 0; i < list.size(); i++) {
            Candidate c = list.get(i);
            double value;
            if (method == Method.RECIPROCAL_RANK) {
                value = 1 / (rrfK + i + 1);
            } else if (ceiling > 0) {
                value = Math.min(1, c.score() / ceiling);
            } else {
                value = max > min ? (c.score() - min) / (max - min) : 1;
            }
            double[] sides = parts.computeIfAbsent(c.doc(), d -> new double[2]);
            sides[side] = Math.max(sides[side], weight * value);
        }
    }

    private static int bestRank(Fused f) {
        int a = f.bm25Rank() == null ? Integer.MAX_VALUE : f.bm25Rank();
        int b = f.denseRank() == null ? Integer.MAX_VALUE : f.denseRank();
        return Math.min(a, b);
    }

    private static Map<Integer, Integer> ranks(List<Candidate> list) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ranks.putIfAbsent(list.get(i).doc(), i + 1);
        }
        return ranks;
    }
}
