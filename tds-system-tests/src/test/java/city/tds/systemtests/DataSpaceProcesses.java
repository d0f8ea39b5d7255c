package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A space node and the tax bureau's and bank's connectors, each a {@code tds server} process of its own, joined as
 * {@code tds demo} onboarded them: the demo runs once to onboard, list and load its data, is stopped, and each node
 * starts again on its own data directory and port, a connector with the membership onboarding gave it
 * ({@code connector.space-url}, {@code connector.participant-id}, {@code connector.client-id}, read from the space's
 * API). A node can be killed, stopped and started again on the same directory and port.
 */
final class DataSpaceProcesses implements AutoCloseable {

    static final Map<String, String> ENV = Map.of("TDS_KEYS_PASSPHRASE", "system-test-passphrase");
    static final Duration START = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofMinutes(1);

    /** What onboarding made of a connector's organisation in the space. */
    record Membership(String participantId, String clientId) {}

    private final Path dir;
    private final Path logs;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private DataSpaceProcesses(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
    }

    /**
     * Onboards with the demo in {@code dir}, then starts the space, the tax bureau and the bank as processes; {@code
     * settings} adds command-line arguments per node name (e.g. {@code --set key=value}). Every process's output is
     * written to {@code logs} when it is closed.
     */
    static DataSpaceProcesses start(Path dir, Path logs, Map<String, List<String>> settings)
            throws InterruptedException {
        int base = freePorts(4);
        try (TdsProcess demo =
                TdsProcess.start(ENV, "demo", "--data-dir", dir.toString(), "--base-port", Integer.toString(base))) {
            try {
                demo.awaitOutput(line -> line.contains("the demo is up"), START);
                assertThat(demo.stop(STOP)).as("the demo's exit code").isIn(0, 143);
            } finally {
                save(logs.resolve("demo.log"), demo);
            }
        }
        DataSpaceProcesses processes = new DataSpaceProcesses(dir, logs);
        try {
            // the demo runs with a zero notice period, so that an approved product is listed at once; so does its space
            Node space = processes.add(
                    "space", base, List.of("--role", "space", "--set", "catalog.notice-period=0s"), settings);
            space.launch();
            space.awaitStarted();
            SpaceClient client = new SpaceClient(space.url());
            for (Map.Entry<String, Integer> connector :
                    Map.of("tax-bureau", base + 1, "bank", base + 3).entrySet()) {
                Membership m = membership(client, connector.getKey());
                Node node = processes.add(
                        connector.getKey(),
                        connector.getValue(),
                        List.of(
                                "--role",
                                "connector",
                                "--set",
                                "connector.space-url=" + space.url(),
                                "--set",
                                "connector.participant-id=" + m.participantId(),
                                "--set",
                                "connector.client-id=" + m.clientId()),
                        settings);
                node.membership = m;
                node.launch();
            }
            processes.node("tax-bureau").awaitStarted();
            processes.node("bank").awaitStarted();
            return processes;
        } catch (RuntimeException | Error e) {
            processes.close();
            throw e;
        }
    }

    Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + "; there are " + nodes.keySet());
        }
        return node;
    }

    Node space() {
        return node("space");
    }

    @Override
    public void close() {
        nodes.values().forEach(node -> node.close(logs));
    }

    private static void save(Path log, TdsProcess process) {
        List<String> lines = new ArrayList<>(process.stdout());
        lines.add("--- stderr ---");
        lines.addAll(process.stderr());
        try {
            Files.createDirectories(log.getParent());
            Files.write(log, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write " + log + ": " + e);
        }
    }

    private Node add(String name, int port, List<String> args, Map<String, List<String>> settings) {
        List<String> all = new ArrayList<>(List.of(
                "server",
                "--name",
                name,
                "--data-dir",
                dir.resolve(name).toString(),
                "--port",
                Integer.toString(port)));
        all.addAll(args);
        all.addAll(settings.getOrDefault(name, List.of()));
        Node node = new Node(name, dir.resolve(name), port, all);
        nodes.put(name, node);
        return node;
    }

    private static Membership membership(SpaceClient space, String nodeName) {
        String admin = space.login(nodeName + "-admin", DemoOnboarding.PASSWORD);
        String participant = space.get("/api/v1/users/me", admin)
                .expect(200)
                .path("participantId")
                .asText();
        String clientId = space.get("/api/v1/participants/" + participant + "/clients", admin)
                .expect(200)
                .path(0)
                .path("clientId")
                .asText();
        assertThat(participant).as("%s's participant", nodeName).isNotEmpty();
        assertThat(clientId).as("%s's client", nodeName).isNotEmpty();
        return new Membership(participant, clientId);
    }

    /** The first of {@code count} consecutive ports free on the loopback interface (the demo takes a block). */
    private static int freePorts(int count) {
        for (int tries = 0; tries < 100; tries++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** One node: its data directory, port and command line stay; each start is a new process. */
    static final class Node {
        private final String name;
        private final Path dataDir;
        private final int port;
        private final List<String> command;
        private final List<TdsProcess> processes = new ArrayList<>();
        private Membership membership;

        private Node(String name, Path dataDir, int port, List<String> command) {
            this.name = name;
            this.dataDir = dataDir;
            this.port = port;
            this.command = List.copyOf(command);
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port);
        }

        /** The node's DSP base, as other connectors address it. */
        String dspUrl() {
            return url() + "/api/dsp/2025-1";
        }

        Path dataDir() {
            return dataDir;
        }

        Membership membership() {
            return membership;
        }

        /** The latest process of this node. */
        TdsProcess process() {
            return processes.get(processes.size() - 1);
        }

        /** Every process of this node so far, the latest last. */
        List<TdsProcess> processes() {
            return List.copyOf(processes);
        }

        /** Kills the node as {@code kill -9} does. */
        void kill() throws InterruptedException {
            process().kill();
        }

        /** Stops the node as SIGTERM does, and checks it stopped cleanly. */
        void stop() throws InterruptedException {
            int exit = process().stop(STOP);
            assertThat(exit)
                    .as("%s's exit code; stderr %s", name, process().stderr())
                    .isIn(0, 143);
            assertThat(process().stdout())
                    .anyMatch(line -> line.contains("node " + name + " stopped"))
                    .noneMatch(line -> line.contains("Database is already closed"));
        }

        /** Starts the node again on the same directory and port, and waits until it serves. */
        void restart() throws InterruptedException {
            if (process().isAlive()) {
                throw new IllegalStateException(name + " is still running");
            }
            launch();
            awaitStarted();
        }

        private void launch() {
            processes.add(TdsProcess.start(ENV, command.toArray(String[]::new)));
        }

        private void awaitStarted() throws InterruptedException {
            process().awaitOutput(line -> line.contains("node started: " + name + " "), START);
        }

        private void close(Path logs) {
            for (int i = 0; i < processes.size(); i++) {
                processes.get(i).close();
                save(logs.resolve(name + "-" + (i + 1) + ".log"), processes.get(i));
            }
        }

        @Override
        public String toString() {
            return name + " at " + url();
        }
    }
}
