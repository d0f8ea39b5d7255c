package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.testkit.HttpCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a separate process exactly as ./tds runs it. */
class PackagedJarIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
    private static final Map<String, String> PASSPHRASE = Map.of("TDS_KEYS_PASSPHRASE", "system-test-passphrase");

    @TempDir
    Path dir;

    @Test
    void theDemoPrintsFourUrlsThatAreAllHealthyAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("demo");
        try (TdsProcess demo = TdsProcess.start(Map.of(), "demo", "--base-port", "0", "--data-dir", data.toString())) {
            demo.awaitOutput(line -> line.contains("the demo is up"), START);
            List<URI> urls = demo.stdout().stream()
                    .filter(line -> line.matches("^(space|tax-bureau|social-security|bank) .*"))
                    .map(URL::matcher)
                    .filter(Matcher::find)
                    .map(m -> URI.create(m.group(1)))
                    .toList();
            assertThat(urls).hasSize(4);
            for (URI url : urls) {
                assertThat(HttpCall.get(url.resolve("/health")).status())
                        .as(url.toString())
                        .isEqualTo(200);
            }
            int exit = demo.stop(Duration.ofSeconds(30));
            assertThat(exit).isIn(0, 143);
            assertThat(demo.stdout()).anyMatch(line -> line.contains("node space stopped"));
            // the nodes close their databases last; H2 must not close them first from its own shutdown hook
            assertThat(demo.stdout())
                    .noneMatch(line -> line.contains("Database is already closed"))
                    .noneMatch(line -> line.contains("could not sign a final tree head"));
        }
        assertThat(data.resolve("bank/db")).exists();
    }

    @Test
    void aPortInUseFailsInOneLineWithExitCode1AndLeavesNoFiles() throws Exception {
        Path data = dir.resolve("node");
        try (ServerSocket taken = new ServerSocket(0);
                TdsProcess server = TdsProcess.start(
                        PASSPHRASE,
                        "server",
                        "--data-dir",
                        data.toString(),
                        "--port",
                        Integer.toString(taken.getLocalPort()))) {
            assertThat(server.awaitExit(START)).isEqualTo(1);
            assertThat(server.stderr()).hasSize(1);
            assertThat(server.stderr().get(0))
                    .contains("port " + taken.getLocalPort())
                    .contains("already in use");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void aWrongPassphraseFailsInOneLine() throws Exception {
        Path data = dir.resolve("node");
        try (TdsProcess check =
                TdsProcess.start(PASSPHRASE, "server", "--check", "--data-dir", data.toString(), "--port", "0")) {
            assertThat(check.awaitExit(START)).isZero();
            assertThat(check.stdout()).anyMatch(line -> line.contains("self-check") && line.endsWith("-> 200"));
        }
        String key = Files.readString(data.resolve("keys/node-signing.key"));
        try (TdsProcess wrong = TdsProcess.start(
                Map.of("TDS_KEYS_PASSPHRASE", "the-wrong-passphrase"),
                "server",
                "--data-dir",
                data.toString(),
                "--port",
                "0")) {
            assertThat(wrong.awaitExit(START)).isEqualTo(1);
            assertThat(wrong.stderr()).hasSize(1);
            assertThat(wrong.stderr().get(0)).contains("passphrase does not open");
        }
        assertThat(Files.readString(data.resolve("keys/node-signing.key"))).isEqualTo(key);
    }

    @Test
    void anUnreachableDatabaseAndAMissingPassphraseFailClearly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path data = dir.resolve("node");
        try (TdsProcess server = TdsProcess.start(
                PASSPHRASE,
                "server",
                "--data-dir",
                data.toString(),
                "--set",
                "database.url=jdbc:postgresql://127.0.0.1:" + closed + "/tds",
                "--set",
                "database.connect-timeout=1s")) {
            assertThat(server.awaitExit(START)).isEqualTo(1);
            assertThat(server.stderr()).hasSize(1);
            assertThat(server.stderr().get(0)).contains("cannot connect to database");
        }
        assertThat(data).doesNotExist();

        try (TdsProcess server = TdsProcess.start(Map.of(), "server", "--data-dir", data.toString())) {
            assertThat(server.awaitExit(START)).isEqualTo(2);
            assertThat(server.stderr()).hasSize(1);
            assertThat(server.stderr().get(0)).contains("TDS_KEYS_PASSPHRASE");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void anUnwritableDataDirectoryFailsClearly() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        try (TdsProcess server = TdsProcess.start(
                PASSPHRASE, "server", "--data-dir", file.resolve("data").toString())) {
            assertThat(server.awaitExit(START)).isEqualTo(1);
            assertThat(server.stderr()).hasSize(1);
            assertThat(server.stderr().get(0)).contains("cannot create data directory");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
