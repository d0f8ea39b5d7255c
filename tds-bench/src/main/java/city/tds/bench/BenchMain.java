package city.tds.bench;

import city.tds.bench.catalog.CatalogRelevanceBenchmark;
import city.tds.bench.catalog.CatalogScaleBenchmark;
import city.tds.bench.dataplane.TransferBenchmark;
import city.tds.bench.protocol.NegotiationBenchmark;
import java.util.Arrays;

/**
 * Runs one benchmark: {@code java -jar tds-bench/target/tds-bench.jar <name> [options]}.
 *
 * <ul>
 *   <li>{@code append [--database h2|postgres] [--writers 8] [--seconds 10] [--per-tx 1,10,100]}
 *   <li>{@code verify [--database h2|postgres] [--records 1000000] [--suite GM|INTL]}
 *   <li>{@code proofs} (JMH: inclusion-proof generation and verification, both suites)
 *   <li>{@code tokens} (JMH: access-token verification, both suites, one thread)
 *   <li>{@code policy} (JMH: policy decisions per second on one thread for a typical product policy)
 *   <li>{@code masking} (JMH: masked values per second on one thread, per masking algorithm)
 *   <li>{@code transfer [--size-mb 1024] [--warm-up-mb 512] [--suite INTL|GM]} (a pull between two connectors)
 *   <li>{@code negotiation [--negotiations 2000] [--in-flight 64] [--warm-up 300]} (finalized DSP negotiations per
 *       second between two connectors on loopback, with latency)
 *   <li>{@code catalog-relevance [--per-query] [--explain <query id>,...]} (catalog search quality: nDCG@10, MRR@10,
 *       recall@10 of BM25, DENSE and HYBRID on the judged relevance set)
 *   <li>{@code catalog-scale [--products 1000000] [--queries 2000] [--dir <path>] [--keep]
 *       [--reuse]} (catalog search at scale:
 *       indexing rate, query latency, heap, index size; embedding cost per text)
 *   <li>{@code governance-scan [--rows 10000000] [--file F] [--threads N] [--unique] [--keep]} (the governance scan of
 *       a ten-column CSV: rows per second, time, peak heap)
 * </ul>
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: tds-bench append|verify|proofs|tokens|policy|masking|negotiation|transfer|catalog-relevance|catalog-scale|governance-scan [options]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "append" -> AppendBenchmark.main(rest);
            case "verify" -> LogVerifyBenchmark.main(rest);
            case "proofs" -> org.openjdk.jmh.Main.main(jmh(ProofBenchmarks.class, rest));
            case "tokens" -> org.openjdk.jmh.Main.main(jmh(TokenBenchmarks.class, rest));
            case "policy" -> org.openjdk.jmh.Main.main(jmh(PolicyBenchmarks.class, rest));
            case "masking" -> org.openjdk.jmh.Main.main(jmh(MaskingBenchmarks.class, rest));
            case "negotiation" -> NegotiationBenchmark.main(rest);
            case "transfer" -> TransferBenchmark.main(rest);
            case "catalog-relevance" -> CatalogRelevanceBenchmark.main(rest);
            case "catalog-scale" -> CatalogScaleBenchmark.main(rest);
            case "governance-scan" -> city.tds.bench.governance.GovernanceScanBenchmark.main(rest);
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }

    /** JMH arguments that run only {@code benchmark}, followed by any JMH options given. */
    private static String[] jmh(Class<?> benchmark, String[] options) {
        String[] args = new String[options.length + 1];
        args[0] = benchmark.getName();
        System.arraycopy(options, 0, args, 1, options.length);
        return args;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
