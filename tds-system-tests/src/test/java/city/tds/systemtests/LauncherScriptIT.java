package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./tds launcher of the README: finds the built jar, prepares its class archive, and runs the command. */
class LauncherScriptIT {

    @TempDir
    Path dir;

    @Test
    void runsAServerSelfCheckThroughTheLauncher() throws Exception {
        Path root =
                Path.of(System.getProperty("tds.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("tds").toString(),
                        "server",
                        "--check",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--port",
                        "0")
                .directory(dir.toFile());
        try (TdsProcess tds = TdsProcess.launch(builder, Map.of("TDS_KEYS_PASSPHRASE", "launcher-passphrase"))) {
            assertThat(tds.awaitExit(Duration.ofMinutes(5)))
                    .as("stderr %s", tds.stderr())
                    .isZero();
            assertThat(tds.stdout()).anyMatch(line -> line.endsWith("/health -> 200"));
        }
    }
}
