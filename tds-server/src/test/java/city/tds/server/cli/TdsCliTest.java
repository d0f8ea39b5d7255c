package city.tds.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TdsCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return TdsMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void topLevelHelpIsBilingualAndListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("城市可信数据空间", "city trusted data space")
                .contains("server", "demo", "bench")
                .contains("命令 / Commands");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "demo", "bench", "bench startup"})
    void everySubcommandHasBilingualHelp(String command) {
        String[] args = (command + " --help").split(" ");
        assertThat(run(args)).isZero();
        assertThat(out.toString())
                .contains(" / ")
                .containsPattern("[\\u4e00-\\u9fff]")
                .contains("用法 / Usage:");
    }

    @Test
    void aBadConfigurationExitsWith2AndOneLine() throws Exception {
        Path config = Files.writeString(dir.resolve("tds.yaml"), "http:\n  port: eighty\n");

        int code = run(
                "server",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("d").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .contains("http.port")
                .contains("tds.yaml");
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("server", "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString()).contains("--colour");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("tds ");
    }
}
