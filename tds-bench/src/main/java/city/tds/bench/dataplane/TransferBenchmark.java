package city.tds.bench.dataplane;

import city.tds.bench.Options;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.SuiteId;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoCredit;
import city.tds.server.demo.DemoData;
import city.tds.server.demo.DemoFirms;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pull of a large file between two connectors on loopback: the demo's tax bureau holds a CSV of {@code --size-mb}
 * (its synthetic firms repeated), the bank negotiates and pulls it into its encrypted copy; the figure is from the
 * transfer request to the copy COMPLETE (both checksums computed and compared), with the peak heap of this JVM, in
 * which all the demo's nodes run (run it with {@code -Xmx256m} to hold the whole system to the consumer's budget).
 *
 * <p>{@code transfer [--size-mb 1024] [--warm-up-mb 512] [--suite INTL|GM]}: a first pull of {@code --warm-up-mb}
 * lets the JIT compile the hot code first.
 */
public final class TransferBenchmark {

    private TransferBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        long sizeMb = options.number("--size-mb", 1024);
        long warmUpMb = options.number("--warm-up-mb", 512);
        SuiteId suite = SuiteId.valueOf(options.value("--suite", "INTL"));
        Path dir = Files.createTempDirectory("tds-bench-transfer-");
        System.out.printf(
                "transfer: %d MiB, suite %s; %d cores, Java %s, max heap %d MiB%n",
                sizeMb,
                suite,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        try (Demo demo = Demo.start(
                dir, 0, suite, "bench-passphrase".toCharArray(), Clock.systemUTC(), new Argon2idParameters(64, 1, 1))) {
            List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, line -> {});
            DemoCatalog.run(demo, onboarded, line -> {});
            DemoContract.run(demo, onboarded, line -> {});
            DemoData.run(demo, onboarded, line -> {});
            TdsNode tax = demo.nodes().get(1).node();
            Path source = tax.config().node().dataDir().resolve("sources/tax/tax_firm_summary.csv");
            long bytes = write(source, sizeMb << 20);
            String bankToken =
                    new SpaceClient(demo.nodes().get(0).node().url()).login("bank-admin", DemoOnboarding.PASSWORD);
            String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", DemoData.TAX_PRODUCT, line -> {});
            if (warmUpMb > 0) {
                // the JIT compiles the hot crypto (AES-GCM's GHASH, the hash) only after a while on a busy machine
                write(source, warmUpMb << 20);
                long warmed = System.nanoTime();
                DemoCredit.pull(demo, bankToken, agreement);
                System.out.printf("warm-up: %d MiB in %.1f s%n", warmUpMb, (System.nanoTime() - warmed) / 1e9);
                write(source, sizeMb << 20);
            }

            resetPeaks();
            AtomicLong sampled = new AtomicLong();
            Thread sampler = sampler(sampled);
            long started = System.nanoTime();
            JsonNode copy = DemoCredit.pull(demo, bankToken, agreement);
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            if (copy.path("bytes").asLong() != bytes) {
                throw new IllegalStateException("the copy has " + copy.path("bytes") + " bytes, the source " + bytes);
            }
            System.out.printf(
                    "pulled %,d bytes (%,d records) in %.1f s: **%.0f MB/s**; checksums %s%n",
                    bytes,
                    copy.path("records").asLong(),
                    seconds,
                    bytes / 1e6 / seconds,
                    copy.path("digest")
                                    .asText()
                                    .equals(copy.path("providerDigest").asText())
                            ? "agree"
                            : "DIFFER");
            System.out.printf(
                    "peak heap of this JVM (all four nodes): %d MiB by the pools' peaks, %d MiB sampled every 50 ms%n",
                    heapPeak() >> 20, sampled.get() >> 20);
        }
    }

    /** Writes the demo's firms again and again until {@code size} bytes; returns the bytes written. */
    private static long write(Path file, long size) throws IOException {
        byte[] block = DemoFirms.taxSummaryCsv(3_000, "2026-10", 7).getBytes(StandardCharsets.UTF_8);
        int header = DemoFirms.taxSummaryCsv(0, "2026-10", 7).getBytes(StandardCharsets.UTF_8).length;
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(block, 0, header);
            written += header;
            while (written < size) {
                int n = (int) Math.min(block.length - header, size - written);
                out.write(block, header, n);
                written += n;
            }
        }
        return written;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static Thread sampler(AtomicLong max) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime r = Runtime.getRuntime();
                max.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
