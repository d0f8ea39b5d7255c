package city.tds.bench.protocol;

import city.tds.bench.BenchDatabases;
import city.tds.bench.Options;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.SuiteId;
import city.tds.protocol.negotiation.ConsumerNegotiations;
import city.tds.server.config.ConfigKey;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.demo.DemoParticipant;
import city.tds.server.node.TdsNode;
import city.tds.server.protocol.DspClient;
import city.tds.server.protocol.ProtocolAssembly;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finalized contract negotiations per second between two connectors on loopback: the demo's space and connectors
 * (each its own embedded H2 database, real HTTP, real presentations, the outbox), the bank requesting the tax
 * bureau's offer over and over with at most {@code --in-flight} negotiations open at once. Each negotiation's latency
 * is the time from the bank's request to its FINALIZED, both as the bank's store recorded them.
 *
 * <p>{@code negotiation [--negotiations 2000] [--in-flight 64] [--warm-up 300] [--database h2|postgres]}: with
 * {@code postgres} every node has its own database on one embedded PostgreSQL server (durable commits).
 */
public final class NegotiationBenchmark {

    private NegotiationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int count = (int) options.number("--negotiations", 2000);
        int inFlight = (int) options.number("--in-flight", 64);
        int warmUp = (int) options.number("--warm-up", 300);
        String kind = options.value("--database", "h2");
        Path dir = Files.createTempDirectory("tds-bench-negotiation-");
        try (BenchDatabases databases = new BenchDatabases(kind)) {
            System.out.printf(
                    "negotiation: %d negotiations (%d warm-up), at most %d in flight; %d cores, Java %s; per node: %s%n",
                    count,
                    warmUp,
                    inFlight,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    databases.describe());
            run(dir, databases, kind, count, inFlight, warmUp);
        }
    }

    private static void run(Path dir, BenchDatabases databases, String kind, int count, int inFlight, int warmUp)
            throws Exception {
        Function<DemoParticipant, Map<ConfigKey, String>> database = participant -> {
            if (kind.equals("h2")) {
                return Map.of();
            }
            try {
                DatabaseSettings settings = databases.freshSettings(8);
                return Map.of(
                        ConfigKey.DATABASE_URL, settings.url(),
                        ConfigKey.DATABASE_USER, settings.user());
            } catch (Exception e) {
                throw new IllegalStateException("cannot create a PostgreSQL database", e);
            }
        };
        try (Demo demo = Demo.start(
                dir,
                0,
                SuiteId.GM,
                "bench-passphrase".toCharArray(),
                Clock.systemUTC(),
                new Argon2idParameters(64, 1, 1),
                database)) {
            List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, line -> {});
            DemoCatalog.run(demo, onboarded, line -> {});
            DemoContract.run(demo, onboarded, line -> {});
            TdsNode taxNode = demo.nodes().get(1).node();
            TdsNode bankNode = demo.nodes().get(3).node();
            ProtocolAssembly.Joined tax =
                    taxNode.protocol().orElseThrow().joined().orElseThrow();
            ProtocolAssembly.Joined bank =
                    bankNode.protocol().orElseThrow().joined().orElseThrow();
            String taxAddress = taxNode.protocol().orElseThrow().selfAddress();
            JsonNode dataset = bank.client()
                    .catalog(taxAddress)
                    .orElseThrow()
                    .path("dataset")
                    .get(0);
            ObjectNode offer = DspClient.requestableOffer(dataset);
            String provider = tax.session().membership().participantId();

            run(bank.consumer(), bankNode.database(), provider, taxAddress, offer, warmUp, inFlight);
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            Set<String> ids = run(bank.consumer(), bankNode.database(), provider, taxAddress, offer, count, inFlight);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
            long[] latencies = latencies(bankNode.database(), ids);
            System.out.printf(
                    "finalized %,d negotiations in %.1f s: **%,.0f negotiations/s**; latency p50 %d ms, p95 %d ms,"
                            + " p99 %d ms, max %d ms%n",
                    count,
                    seconds,
                    count / seconds,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.95),
                    percentile(latencies, 0.99),
                    latencies[latencies.length - 1]);
            // the CPU of this JVM (all nodes but an external PostgreSQL): what one negotiation costs, whatever the load
            System.out.printf(
                    "CPU of this JVM: %.1f ms per negotiation (%.1f ms per DSP message), %.0f %% of %d cores%n",
                    cpuMillis / count,
                    cpuMillis / count / 4,
                    100 * cpuMillis / 1000 / seconds / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Set<String> run(
            ConsumerNegotiations bank,
            Database database,
            String provider,
            String address,
            ObjectNode offer,
            int count,
            int inFlight) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        long before = finalized(database);
        int submitted = 0;
        while (submitted < count) {
            long done = finalized(database) - before;
            while (submitted < count && submitted - done < inFlight) {
                ids.add(bank.request(provider, address, offer).orElseThrow().id());
                submitted++;
            }
            pause();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (finalized(database) - before < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("negotiations did not all finalize within 5 minutes");
            }
            pause();
        }
        return ids;
    }

    private static long finalized(Database database) {
        return database.unitOfWork()
                .withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM dsp_negotiation WHERE role = 'CONSUMER' AND state = 'FINALIZED'")
                        .mapTo(Long.class)
                        .one());
    }

    private static long[] latencies(Database database, Set<String> ids) {
        List<Long> millis = new ArrayList<>();
        database.unitOfWork().withHandle(h -> {
            h.createQuery("SELECT id, created_at, updated_at FROM dsp_negotiation WHERE role = 'CONSUMER'")
                    .map((rs, ctx) -> {
                        if (ids.contains(rs.getString("id"))) {
                            millis.add(Duration.between(
                                            rs.getObject("created_at", java.time.OffsetDateTime.class),
                                            rs.getObject("updated_at", java.time.OffsetDateTime.class))
                                    .toMillis());
                        }
                        return 0;
                    })
                    .list();
            return null;
        });
        long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
