package city.tds.bench.catalog;

import java.util.Arrays;

/** Checks that no two products share their text or their vector, by 64-bit hashes of both. */
final class Uniqueness {
    private final long[] texts;
    private final long[] vectors;
    private int size;

    Uniqueness(int capacity) {
        texts = new long[capacity];
        vectors = new long[capacity];
    }

    void add(String text, float[] vector) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < text.length(); i++) {
            h = CatalogGenerator.mix(h ^ text.charAt(i));
        }
        long v = 0x632BE59BD9B4E019L;
        for (float x : vector) {
            v = CatalogGenerator.mix(v ^ Float.floatToIntBits(x));
        }
        texts[size] = h;
        vectors[size] = v;
        size++;
    }

    void report() {
        System.out.printf(
                "uniqueness: %,d products, %d share their text with another, %d share their vector with another"
                        + " (64-bit hashes)%n",
                size, duplicates(texts, size), duplicates(vectors, size));
    }

    static int duplicates(long[] hashes, int size) {
        long[] sorted = Arrays.copyOf(hashes, size);
        Arrays.sort(sorted);
        int duplicates = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                duplicates++;
            }
        }
        return duplicates;
    }
}
