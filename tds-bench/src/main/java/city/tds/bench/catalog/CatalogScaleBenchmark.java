package city.tds.bench.catalog;

import city.tds.bench.Options;
import city.tds.bench.catalog.CatalogGenerator.GeneratedProduct;
import city.tds.catalog.search.BgeSmallZhEmbedder;
import city.tds.catalog.search.CatalogIndex;
import city.tds.catalog.search.CatalogIndex.IndexedProduct;
import city.tds.catalog.search.SearchMode;
import city.tds.catalog.search.SearchRequest;
import city.tds.catalog.search.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Catalog search over a generated catalog of a million products: indexing rate, query latency (BM25, DENSE, HYBRID;
 * the semantic modes include embedding the query), heap during indexing and queries, index size on disk. Product
 * vectors are composed from real embeddings of their parts ({@link ComposedVectors}); the cost of embedding a text
 * with the model is measured separately.
 *
 * <p>{@code catalog-scale [--products 1000000] [--queries 2000] [--warm-up 300] [--seed 20261201] [--dir <path>]
 * [--keep] [--reuse]}: {@code --keep} leaves the index in {@code --dir} (else a temporary directory, deleted after);
 * {@code --reuse} skips indexing and queries the index an earlier {@code --keep} run left in {@code --dir} (same
 * products and seed), so latency can be measured again without indexing again.
 */
public final class CatalogScaleBenchmark {
    private static final SearchMode[] MODES = {SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID};

    private CatalogScaleBenchmark() {}

    public static void main(String[] args) throws IOException {
        Options options = new Options(args);
        long products = options.number("--products", 1_000_000);
        int queryCount = (int) options.number("--queries", 2000);
        int warmUp = (int) options.number("--warm-up", 300);
        long seed = options.number("--seed", 20261201);
        boolean keep = options.flag("--keep");
        boolean reuse = options.flag("--reuse");
        String dirOption = options.value("--dir", "");
        if (reuse && dirOption.isBlank()) {
            throw new IllegalArgumentException("--reuse needs the --dir of an index kept by an earlier run (--keep)");
        }
        Path dir = dirOption.isBlank() ? Files.createTempDirectory("tds-catalog-scale-") : Path.of(dirOption);
        Files.createDirectories(dir);
        Map<String, String> commitData =
                Map.of("benchmark", "catalog-scale", "products", Long.toString(products), "seed", Long.toString(seed));
        try (Stream<Path> existing = Files.list(dir)) {
            if (!reuse && existing.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " is not empty; give an empty or new --dir, or --reuse");
            }
        }

        CatalogGenerator generator = new CatalogGenerator(seed, "p-");
        System.out.printf(
                "catalog-scale: %,d products (of %,d possible: %d templates × %d regions × %d variants), %d queries,"
                        + " index in %s; %d cores, Java %s, max heap %.0f MiB, %s%n",
                products,
                generator.capacity(),
                generator.templateCount(),
                CatalogVocabulary.REGIONS.size(),
                generator.variantCount(),
                queryCount,
                dir,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                HeapMonitor.maxHeapMiB(),
                HeapMonitor.collectorNames());

        try (HeapMonitor heap = new HeapMonitor()) {
            BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder();
            long start = System.nanoTime();
            embedder.embed("预热");
            System.out.printf("%nmodel loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
            List<String> queries = ScaleQueries.generate(queryCount, seed, true);
            List<String> warmUpQueries = ScaleQueries.generate(warmUp, seed + 1, false);

            System.out.println("\n## Embedding cost (real model; load average " + loadAverage() + ")");
            EmbeddingCost.Sample sample = EmbeddingCost.measureProducts(generator, products, embedder, 256);
            EmbeddingCost.measureQueries(embedder, warmUpQueries.subList(0, Math.min(200, warmUpQueries.size())));
            if (reuse) {
                try (CatalogIndex index = CatalogIndex.open(dir, embedder.dimensions())) {
                    Map<String, String> kept = index.commitData();
                    // indexes kept before the seed was recorded were all built with the default seed
                    boolean same = commitData.get("products").equals(kept.get("products"))
                            && commitData.get("seed").equals(kept.getOrDefault("seed", "20261201"))
                            && "catalog-scale".equals(kept.get("benchmark"));
                    if (!same) {
                        throw new IllegalArgumentException(dir + " holds " + kept + ", not an index of " + commitData);
                    }
                }
                System.out.printf(
                        "%n## Indexing: reusing the index in %s (%.2f GiB in %d segments)%n",
                        dir, size(dir) / 1073741824.0, segments(dir));
            } else {
                index(generator, embedder, sample, products, dir, commitData, heap);
            }

            start = System.nanoTime();
            try (CatalogIndex index = CatalogIndex.open(dir, embedder.dimensions())) {
                System.out.printf(
                        "reopened in %.2f s, %,d products; heap after full GC with index open and model loaded:"
                                + " %.0f MiB%n",
                        (System.nanoTime() - start) / 1e9, index.size(), heap.liveMiB());

                System.out.println("\n## Queries (one client thread, first page of 10)");
                System.out.println("load average before the queries: " + loadAverage());
                for (SearchMode mode : MODES) {
                    run(index, embedder, warmUpQueries, mode);
                }
                heap.reset();
                long[] gcBefore = HeapMonitor.collections();
                QueryTimings[] timings = new QueryTimings[MODES.length];
                for (int m = 0; m < MODES.length; m++) {
                    timings[m] = run(index, embedder, queries, MODES[m]);
                }
                long[] gcAfter = HeapMonitor.collections();
                System.out.println("load average after the queries: " + loadAverage());
                QueryTimings.printTable(timings);
                QueryTimings.printByBreadth(timings, products);
                System.out.printf(
                        "heap during queries: peak %.0f MiB (sampled, includes garbage), %.0f MiB after full GC;"
                                + " %d collections, %.1f s in GC; resident memory now %.0f MiB, peak %.0f MiB%n",
                        heap.peakMiB(),
                        heap.liveMiB(),
                        gcAfter[0] - gcBefore[0],
                        (gcAfter[1] - gcBefore[1]) / 1000.0,
                        HeapMonitor.procStatusMiB("VmRSS"),
                        HeapMonitor.procStatusMiB("VmHWM"));
                for (QueryTimings t : timings) {
                    t.printSlowest(5);
                }
            }
        } finally {
            if (keep) {
                System.out.println("\nkept the index in " + dir);
            } else {
                delete(dir);
                System.out.println("\ndeleted the index in " + dir);
            }
        }
    }

    private static void index(
            CatalogGenerator generator,
            BgeSmallZhEmbedder embedder,
            EmbeddingCost.Sample sample,
            long products,
            Path dir,
            Map<String, String> commitData,
            HeapMonitor heap)
            throws IOException {
        long start = System.nanoTime();
        ComposedVectors composed = ComposedVectors.embedParts(generator, embedder, ComposedVectors.DEFAULT_WEIGHTS);
        System.out.printf(
                "composed vectors: %d parts embedded (%d templates, %d provider-and-region parts, %d variants)"
                        + " in %.1f s; weights %s%n",
                composed.modelCalls(),
                generator.templateCount(),
                generator.providerPartCount(),
                generator.variantCount(),
                (System.nanoTime() - start) / 1e9,
                Arrays.toString(ComposedVectors.DEFAULT_WEIGHTS));
        EmbeddingCost.fidelity(sample, composed);

        System.out.println("\n## Indexing (load average " + loadAverage() + ")");
        heap.reset();
        long[] gcBefore = HeapMonitor.collections();
        Uniqueness uniqueness = new Uniqueness((int) products);
        long indexingStart = System.nanoTime();
        start = indexingStart;
        try (CatalogIndex index = CatalogIndex.open(dir, embedder.dimensions())) {
            index.replaceAll(() -> new Feed(generator, composed, products, uniqueness, indexingStart), commitData);
            double added = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "replaceAll returned after %.1f s (%,.0f products/s); closing waits for merges%n",
                    added, products / added);
        }
        double indexed = (System.nanoTime() - start) / 1e9;
        long[] gcAfter = HeapMonitor.collections();
        double indexingPeak = heap.peakMiB();
        uniqueness.report();
        System.out.printf(
                "indexed %,d products in %.1f s including merges: **%,.0f products/s**; heap peak %.0f MiB;"
                        + " %d collections, %.1f s in GC%n",
                products,
                indexed,
                products / indexed,
                indexingPeak,
                gcAfter[0] - gcBefore[0],
                (gcAfter[1] - gcBefore[1]) / 1000.0);
        System.out.printf("index on disk: %.2f GiB in %d segments%n", size(dir) / 1073741824.0, segments(dir));
    }

    private static QueryTimings run(
            CatalogIndex index, BgeSmallZhEmbedder embedder, List<String> queries, SearchMode mode) {
        QueryTimings timings = new QueryTimings(mode, queries);
        for (String query : queries) {
            long start = System.nanoTime();
            float[] vector = mode == SearchMode.BM25 ? null : embedder.embedQuery(query);
            long embedded = System.nanoTime();
            SearchResults results = index.search(SearchRequest.of(query, mode, 10), vector);
            long done = System.nanoTime();
            timings.add(embedded - start, done - embedded, results.total());
        }
        return timings;
    }

    /** The products handed to {@code replaceAll}, generated while the index consumes them. */
    private static final class Feed implements Iterator<IndexedProduct> {
        private static final long PROGRESS_EVERY = 100_000;
        private final Iterator<GeneratedProduct> products;
        private final ComposedVectors composed;
        private final Uniqueness uniqueness;
        private final long start;
        private long count;

        Feed(CatalogGenerator generator, ComposedVectors composed, long total, Uniqueness uniqueness, long start) {
            this.products = generator.products(total).iterator();
            this.composed = composed;
            this.uniqueness = uniqueness;
            this.start = start;
        }

        @Override
        public boolean hasNext() {
            return products.hasNext();
        }

        @Override
        public IndexedProduct next() {
            GeneratedProduct product = products.next();
            float[] vector = composed.vectorOf(product);
            uniqueness.add(product.document().embeddingText(), vector);
            if (++count % PROGRESS_EVERY == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "  %,d products handed to the index after %.0f s (%,.0f/s)%n", count, seconds, count / seconds);
            }
            return new IndexedProduct(product.document(), vector);
        }
    }

    /** The machine's 1, 5 and 15 minute load averages: the machine is shared, so say how busy it was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static int segments(Path dir) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.leaves().size();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
