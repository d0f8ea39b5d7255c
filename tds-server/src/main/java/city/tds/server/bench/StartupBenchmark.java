package city.tds.server.bench;

import city.tds.server.FileTrees;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures {@code tds server} as an operator sees it: a new JVM is launched with the same JVM options as this one, and
 * the time from launch to the first 200 from {@code /health} is taken, then the resident set size of the child process
 * (VmRSS from {@code /proc}) right after it became healthy and again after it served a burst of requests.
 */
public final class StartupBenchmark {

    /** One measured start. */
    public record Sample(boolean firstStart, long millisToHealthy, long rssAtHealthyKiB, long rssAfterLoadKiB) {}

    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final int LOAD_REQUESTS = 500;
    private static final Duration POLL = Duration.ofMillis(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    private final String passphrase =
            "bench-passphrase-" + ProcessHandle.current().pid();

    /** Runs {@code runs} first starts (fresh data directory) and as many restarts of the same directories. */
    public List<Sample> run(int runs, String suite) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dataDir = Files.createTempDirectory("tds-bench-");
            try {
                samples.add(measure(dataDir, suite, true));
                samples.add(measure(dataDir, suite, false));
            } finally {
                FileTrees.deleteRecursively(dataDir);
            }
        }
        return samples;
    }

    private Sample measure(Path dataDir, String suite, boolean firstStart) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("city.tds.server.cli.TdsMain");
        command.addAll(List.of(
                "server", "--data-dir", dataDir.toString(), "--port", Integer.toString(port), "--suite", suite));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("bench-server.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("TDS_KEYS_PASSPHRASE", passphrase);
        env.put("TDS_LOG_LEVEL", "WARN");

        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            long healthyAt = awaitHealthy(process, health, launched);
            long rssAtHealthy = rssKiB(process.pid());
            URI node = URI.create("http://127.0.0.1:" + port + "/api/v1/node");
            for (int i = 0; i < LOAD_REQUESTS; i++) {
                get(i % 2 == 0 ? health : node);
            }
            long rssAfterLoad = rssKiB(process.pid());
            return new Sample(firstStart, (healthyAt - launched) / 1_000_000, rssAtHealthy, rssAfterLoad);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private long awaitHealthy(Process process, URI health, long launched) throws IOException, InterruptedException {
        while (System.nanoTime() - launched < GIVE_UP.toNanos()) {
            if (!process.isAlive()) {
                throw new IOException("tds server exited with code " + process.exitValue() + " before it was healthy");
            }
            Optional<Integer> status = get(health);
            if (status.isPresent() && status.get() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(
                    POLL.toMillis()); // polling, not waiting for a state in a test: keeps a core free for the child
        }
        throw new IOException("tds server was not healthy within " + GIVE_UP.toSeconds() + " s");
    }

    private Optional<Integer> get(URI uri) throws InterruptedException {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return Optional.of(
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    /** JVM options of this process, minus agents and debuggers, so the child runs as {@code ./tds} runs it. */
    public static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-javaagent") && !a.startsWith("-agentlib") && !a.startsWith("-Xdebug"))
                .toList();
    }

    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
