package city.tds.bench.dataplane;

import city.tds.bench.Options;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.SuiteId;
import city.tds.server.FileTrees;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transfer of a large file between two connectors on loopback: the demo's tax bureau holds a CSV of {@code
 * --size-mb} (its synthetic firms repeated), the bank negotiates and receives it into its encrypted copy; the figure
 * is from the transfer request to the copy COMPLETE (both checksums computed and compared).
 *
 * <p>{@code transfer [--size-mb 1024] [--warm-up-mb 512] [--suite INTL|GM] [--format PULL|PUSH]
 * [--consumer-heap-mb 256] [--tds-jar tds-server/target/tds.jar]}. The space and the providers run in this JVM; the
 * bank's connector, once onboarded, is stopped here and started again as a process of its own ({@code tds server} from
 * the packaged jar) with {@code -Xmx<consumer-heap-mb>m}, and its peak heap is read from its GC log. With {@code
 * --consumer-heap-mb 0} the bank stays in this JVM. A first transfer of {@code --warm-up-mb} lets the JIT compile the
 * hot code first.
 */
public final class TransferBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSPHRASE = "bench-passphrase";
    private static final Pattern GC_LINE = Pattern.compile("GC\\(\\d+\\).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private TransferBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        long sizeMb = options.number("--size-mb", 1024);
        long warmUpMb = options.number("--warm-up-mb", 512);
        SuiteId suite = SuiteId.valueOf(options.value("--suite", "INTL"));
        String format = "HttpData-" + options.value("--format", "PULL");
        long consumerHeapMb = options.number("--consumer-heap-mb", 256);
        Path jar = Path.of(options.value("--tds-jar", "tds-server/target/tds.jar"));
        String consumerJavaOptions = options.value("--consumer-java-options", "");
        Path dir = Files.createTempDirectory("tds-bench-transfer-");
        System.out.printf(
                "transfer: %d MiB, %s, suite %s; %d cores, Java %s; bank %s%n",
                sizeMb,
                format,
                suite,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                consumerHeapMb > 0 ? "in its own JVM at -Xmx" + consumerHeapMb + "m" : "in this JVM");
        Process bankProcess = null;
        try (Demo demo = Demo.start(
                dir, 0, suite, PASSPHRASE.toCharArray(), Clock.systemUTC(), new Argon2idParameters(64, 1, 1))) {
            List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, line -> {});
            DemoCatalog.run(demo, onboarded, line -> {});
            DemoContract.run(demo, onboarded, line -> {});
            DemoData.run(demo, onboarded, line -> {});
            TdsNode tax = demo.node("tax-bureau").node();
            TdsNode bank = demo.node("bank").node();
            Path gcLog = dir.resolve("bank-gc.log");
            if (consumerHeapMb > 0) {
                bank.close();
                DemoOnboarding.Onboarded joined = onboarded.stream()
                        .filter(o -> o.participant().nodeName().equals("bank"))
                        .findFirst()
                        .orElseThrow();
                bankProcess = startBank(
                        jar,
                        bank,
                        demo.nodes().get(0).node(),
                        joined,
                        suite,
                        consumerHeapMb,
                        consumerJavaOptions,
                        gcLog);
            }
            Path source = tax.config().node().dataDir().resolve("sources/tax/tax_firm_summary.csv");
            String bankToken =
                    new SpaceClient(demo.nodes().get(0).node().url()).login("bank-admin", DemoOnboarding.PASSWORD);
            String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", DemoData.TAX_PRODUCT, line -> {});
            if (warmUpMb > 0) {
                // the JIT compiles the hot crypto (AES-GCM's GHASH, the hash) only after a while on a busy machine
                write(source, warmUpMb << 20);
                long warmed = System.nanoTime();
                transfer(bank, bankToken, agreement, format);
                System.out.printf("warm-up: %d MiB in %.1f s%n", warmUpMb, (System.nanoTime() - warmed) / 1e9);
            }
            long bytes = write(source, sizeMb << 20);

            resetPeaks();
            int gcBefore = consumerHeapMb > 0 ? Files.readAllLines(gcLog).size() : 0;
            AtomicLong sampled = new AtomicLong();
            Thread sampler = sampler(sampled);
            long started = System.nanoTime();
            JsonNode copy = transfer(bank, bankToken, agreement, format);
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            if (copy.path("bytes").asLong() != bytes) {
                throw new IllegalStateException("the copy has " + copy.path("bytes") + " bytes, the source " + bytes);
            }
            System.out.printf(
                    "%s %,d bytes (%,d records) in %.1f s: **%.0f MB/s**; checksums %s%n",
                    format,
                    bytes,
                    copy.path("records").asLong(),
                    seconds,
                    bytes / 1e6 / seconds,
                    copy.path("digest")
                                    .asText()
                                    .equals(copy.path("providerDigest").asText())
                            ? "agree"
                            : "DIFFER");
            if (consumerHeapMb > 0) {
                System.out.println("the bank's JVM during the transfer: " + heapFromGcLog(gcLog, gcBefore));
            }
            System.out.printf(
                    "peak heap of this JVM (%s): %d MiB by the pools' peaks, %d MiB sampled every 50 ms%n",
                    consumerHeapMb > 0 ? "space and providers" : "all four nodes",
                    heapPeak() >> 20,
                    sampled.get() >> 20);
        } finally {
            if (bankProcess != null) {
                bankProcess.destroy();
                bankProcess.waitFor(30, TimeUnit.SECONDS);
                bankProcess.destroyForcibly();
            }
            FileTrees.deleteRecursively(dir); // the source and the copy: twice the size asked
        }
    }

    /** The bank's connector as a process of its own, joined as onboarding made it, on its data and port. */
    private static Process startBank(
            Path jar,
            TdsNode bank,
            TdsNode space,
            DemoOnboarding.Onboarded joined,
            SuiteId suite,
            long heapMb,
            String javaOptions,
            Path gcLog)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-Xlog:gc:file=" + gcLog));
        if (!javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "server",
                "--name",
                "bank",
                "--role",
                "connector",
                "--data-dir",
                bank.config().node().dataDir().toString(),
                "--port",
                Integer.toString(bank.url().getPort()),
                "--suite",
                suite.name()));
        for (String setting : List.of(
                "connector.space-url=" + space.url(),
                "connector.participant-id=" + joined.participantId(),
                "connector.client-id=" + joined.clientId())) {
            command.add("--set");
            command.add(setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TDS_KEYS_PASSPHRASE", PASSPHRASE);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("node started")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> {});
                    } catch (java.io.UncheckedIOException ended) {
                        // the process was stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the bank's process ended before it started: exit " + process.waitFor());
    }

    /** The bank asks for a transfer in {@code format} under {@code agreementId}; its copy once COMPLETE. */
    private static JsonNode transfer(TdsNode bank, String token, String agreementId, String format) {
        SpaceClient api = new SpaceClient(bank.url());
        String transferId = api.post(
                        "/api/v1/contracts/transfers",
                        token,
                        JSON.createObjectNode().put("agreementId", agreementId).put("format", format))
                .expect(201)
                .path("id")
                .asText();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (JsonNode c : api.get("/api/v1/dataplane/copies", token).expect(200)) {
                if (c.path("transferId").asText().equals(transferId)) {
                    String state = c.path("state").asText();
                    if (state.equals("COMPLETE")) {
                        return c;
                    }
                    if (!state.equals("RECEIVING")) {
                        throw new IllegalStateException("the bank's copy is " + state + ": " + c.path("problem"));
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("transfer " + transferId + " did not complete in 30 minutes");
    }

    /** The heap before and after each collection the GC log records from line {@code from}: its peak and its floor. */
    private static String heapFromGcLog(Path gcLog, int from) throws IOException {
        long peak = 0;
        long floor = Long.MAX_VALUE;
        long committed = 0;
        int collections = 0;
        List<String> lines = Files.readAllLines(gcLog);
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                collections++;
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                floor = Math.min(floor, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return collections == 0
                ? "no collection"
                : String.format(
                        "%d collections; heap used at most %d MiB before a collection, %d MiB after the lowest;"
                                + " committed at most %d MiB",
                        collections, peak, floor, committed);
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
