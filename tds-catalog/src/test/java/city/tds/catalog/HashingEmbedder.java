package city.tds.catalog;

import city.tds.catalog.search.TextEmbedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cheap, deterministic stand-in for the embedding model in workflow tests: character bigrams hashed into a
 * normalised vector, so texts sharing words are near. It also counts its calls, so tests can see vectors being reused.
 */
final class HashingEmbedder implements TextEmbedder {

    static final int DIMENSIONS = 64;
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i + 1 < text.length(); i++) {
            int h = (text.charAt(i) * 31 + text.charAt(i + 1)) & 0x7fffffff;
            v[h % DIMENSIONS] += 1;
        }
        v[0] += 0.01f;
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
