package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogGenerator.GeneratedProduct;
import city.tds.catalog.search.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * Product vectors composed from real embeddings of their parts, for catalogs too large to embed product by product
 * (a million texts take about five hours on two cores). Each template text, provider-and-region part and coverage
 * variant is embedded once with the real model; a product's vector is the normalised weighted sum of its three
 * parts' vectors. Distinct products combine distinct parts, so no two vectors are equal.
 */
final class ComposedVectors {

    /**
     * Weights of the template, provider-and-region and variant parts: the best of a small grid by the scale
     * benchmark's fidelity check (cosine to the real embedding of the whole product text), which prints the grid.
     */
    static final double[] DEFAULT_WEIGHTS = {1.0, 0.6, 0.2};

    /** The grid the fidelity check compares. */
    static final double[][] WEIGHT_GRID = {
        {1.0, 0, 0},
        {1.0, 0.3, 0.1},
        {1.0, 0.45, 0.3},
        {1.0, 0.6, 0.2},
        {1.0, 0.6, 0.4},
        {1.0, 0.8, 0.2},
        {1.0, 1.0, 0.5}
    };

    private static final int BATCH = 64;

    private final float[][] templates;
    private final float[][] providerParts;
    private final float[][] variants;
    private final double[] weights;
    private final int modelCalls;

    private ComposedVectors(
            float[][] templates, float[][] providerParts, float[][] variants, double[] weights, int modelCalls) {
        this.templates = templates;
        this.providerParts = providerParts;
        this.variants = variants;
        this.weights = weights.clone();
        this.modelCalls = modelCalls;
    }

    /** Embeds every part of {@code generator}'s catalog with {@code embedder}. */
    static ComposedVectors embedParts(CatalogGenerator generator, TextEmbedder embedder, double[] weights) {
        List<String> templateTexts = new ArrayList<>();
        for (int t = 0; t < generator.templateCount(); t++) {
            templateTexts.add(generator.templateText(t));
        }
        List<String> providerTexts = new ArrayList<>();
        for (int p = 0; p < generator.providerPartCount(); p++) {
            providerTexts.add(generator.providerPartText(p));
        }
        List<String> variantTexts = new ArrayList<>();
        for (int v = 0; v < generator.variantCount(); v++) {
            variantTexts.add(generator.variantText(v));
        }
        int calls = templateTexts.size() + providerTexts.size() + variantTexts.size();
        return new ComposedVectors(
                embed(embedder, templateTexts),
                embed(embedder, providerTexts),
                embed(embedder, variantTexts),
                weights,
                calls);
    }

    /** Same parts, other weights. */
    ComposedVectors withWeights(double[] other) {
        return new ComposedVectors(templates, providerParts, variants, other, modelCalls);
    }

    /** How many texts were embedded with the model. */
    int modelCalls() {
        return modelCalls;
    }

    float[] vectorOf(GeneratedProduct product) {
        float[] t = templates[product.template()];
        float[] p = providerParts[product.providerPart()];
        float[] v = variants[product.variant()];
        float[] sum = new float[t.length];
        double norm = 0;
        for (int i = 0; i < sum.length; i++) {
            double x = weights[0] * t[i] + weights[1] * p[i] + weights[2] * v[i];
            sum[i] = (float) x;
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static float[][] embed(TextEmbedder embedder, List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<float[]> batch = embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)));
            for (int i = 0; i < batch.size(); i++) {
                vectors[from + i] = batch.get(i);
            }
        }
        return vectors;
    }
}
