package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogGenerator.GeneratedProduct;
import city.tds.catalog.search.TextEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What embedding costs with the real model: product texts one at a time and in batches, short queries one at a time;
 * and how close the composed vectors come to the real embeddings of the same product texts.
 */
final class EmbeddingCost {
    static final int BATCH = 64;

    private EmbeddingCost() {}

    /** Product texts spread over the whole catalog, and their real embeddings (batched). */
    record Sample(List<GeneratedProduct> products, List<float[]> realVectors) {}

    static Sample measureProducts(CatalogGenerator generator, long catalogSize, TextEmbedder embedder, int sampleSize) {
        List<GeneratedProduct> products = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long step = Math.max(1, catalogSize / sampleSize);
        for (int i = 0; i < sampleSize && i * step < catalogSize; i++) {
            GeneratedProduct product = generator.product(i * step);
            products.add(product);
            texts.add(product.document().embeddingText());
        }
        for (int i = 0; i < 8; i++) {
            embedder.embed(texts.get(i));
        }
        int singles = Math.min(64, texts.size());
        Latencies single = new Latencies();
        for (int i = 0; i < singles; i++) {
            long start = System.nanoTime();
            embedder.embed(texts.get(i));
            single.add(System.nanoTime() - start);
        }
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            vectors.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH))));
        }
        double batchedSeconds = (System.nanoTime() - start) / 1e9;
        int chars = 0;
        for (String text : texts) {
            chars += text.length();
        }
        System.out.printf(
                "product texts (%d sampled, mean %d characters): one at a time p50 %.1f ms, p95 %.1f ms (%.1f texts/s);"
                        + " in batches of %d %.1f texts/s (%.1f ms per text)%n",
                texts.size(),
                chars / texts.size(),
                single.percentileMillis(50),
                single.percentileMillis(95),
                1000 / single.meanMillis(),
                BATCH,
                texts.size() / batchedSeconds,
                batchedSeconds * 1000 / texts.size());
        System.out.printf(
                "  so embedding %,d product texts one by one would take %.1f h, batched %.1f h%n",
                catalogSize,
                catalogSize * single.meanMillis() / 3.6e6,
                catalogSize * batchedSeconds / texts.size() / 3600);
        return new Sample(products, vectors);
    }

    static void measureQueries(TextEmbedder embedder, List<String> queries) {
        Latencies latencies = new Latencies();
        for (String query : queries) {
            long start = System.nanoTime();
            embedder.embedQuery(query);
            latencies.add(System.nanoTime() - start);
        }
        System.out.printf(
                "query texts (%d): one at a time p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                latencies.size(),
                latencies.percentileMillis(50),
                latencies.percentileMillis(95),
                latencies.percentileMillis(99));
    }

    /** Cosine of composed and real vectors over the sample, for the chosen weights and the grid around them. */
    static void fidelity(Sample sample, ComposedVectors composed) {
        double[] cosines = new double[sample.products().size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = ComposedVectors.cosine(
                    composed.vectorOf(sample.products().get(i)),
                    sample.realVectors().get(i));
        }
        Arrays.sort(cosines);
        double sum = 0;
        for (double c : cosines) {
            sum += c;
        }
        System.out.printf(
                "composed against real vectors of the same %d product texts: cosine mean %.3f, 5th percentile %.3f,"
                        + " min %.3f%n",
                cosines.length, sum / cosines.length, cosines[(int) (0.05 * cosines.length)], cosines[0]);
        StringBuilder grid = new StringBuilder();
        for (double[] weights : ComposedVectors.WEIGHT_GRID) {
            ComposedVectors other = composed.withWeights(weights);
            double total = 0;
            for (int i = 0; i < sample.products().size(); i++) {
                total += ComposedVectors.cosine(
                        other.vectorOf(sample.products().get(i)),
                        sample.realVectors().get(i));
            }
            grid.append(String.format(
                    " %s %.3f;",
                    Arrays.toString(weights), total / sample.products().size()));
        }
        System.out.println("  mean cosine for other weights:" + grid);
    }
}
