package city.tds.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.node.NodeRole;
import city.tds.crypto.SuiteId;
import city.tds.store.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {

    private static final Map<String, String> PASSPHRASE = Map.of("TDS_KEYS_PASSPHRASE", "a-long-passphrase");

    @TempDir
    Path dir;

    private TdsConfig parse(ConfigSources sources) {
        return new ConfigParser(sources).parse();
    }

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("tds.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaultsGiveAnAllInOneGmNodeOnTheEmbeddedDatabase() {
        TdsConfig config = parse(new ConfigSources().environment(PASSPHRASE));

        assertThat(config.node().name()).isEqualTo("tds-node");
        assertThat(config.node().roles()).containsExactlyInAnyOrder(NodeRole.SPACE, NodeRole.CONNECTOR);
        assertThat(config.node().cryptoSuite()).isEqualTo(SuiteId.GM);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(config.database().dialect()).isEqualTo(SqlDialect.H2);
        assertThat(config.database().url())
                .contains(Path.of("data").toAbsolutePath().resolve("db").toString());
        assertThat(config.keys().file()).isEqualTo(Path.of("data", "keys", "node-signing.key"));
        assertThat(config.node().publicUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(config.dataPlane().monitorInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fileThenEnvironmentThenCommandLineWin() throws IOException {
        Path file = yaml("""
                node:
                  name: tax-bureau
                  roles: [connector]
                  crypto-suite: INTL
                http.port: 9000
                http:
                  host: 0.0.0.0
                database:
                  url: jdbc:postgresql://db.example:5432/tds
                  user: tds
                  connect-timeout: 2s
                """);
        TdsConfig config = parse(new ConfigSources()
                .file(file)
                .environment(Map.of("TDS_HTTP_PORT", "9100", "TDS_KEYS_PASSPHRASE", "from-the-environment"))
                .commandLine(ConfigKey.HTTP_PORT, "9200", "--port"));

        assertThat(config.node().name()).isEqualTo("tax-bureau");
        assertThat(config.node().roles()).containsExactly(NodeRole.CONNECTOR);
        assertThat(config.node().cryptoSuite()).isEqualTo(SuiteId.INTL);
        assertThat(config.http().port()).isEqualTo(9200);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
        assertThat(config.node().publicUrl()).hasToString("http://127.0.0.1:9200");
        assertThat(config.database().dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(config.database().user()).isEqualTo("tds");
        assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new String(config.keys().passphrase())).isEqualTo("from-the-environment");
    }

    @Test
    void aMalformedValueNamesTheKeyItsSourceAndWhatWasExpected() {
        ConfigSources sources = new ConfigSources()
                .environment(Map.of("TDS_HTTP_PORT", "80a", "TDS_KEYS_PASSPHRASE", "a-long-passphrase"));

        assertThatThrownBy(() -> parse(sources))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port")
                .hasMessageContaining("expected an integer from 0 to 65535")
                .hasMessageContaining("'80a'")
                .hasMessageContaining("environment variable TDS_HTTP_PORT");
    }

    @Test
    void everyKindOfBadValueIsRefusedByName() {
        Map<ConfigKey, String> bad = Map.of(
                ConfigKey.NODE_NAME, "Tax Bureau",
                ConfigKey.NODE_ROLES, "space,broker",
                ConfigKey.NODE_CRYPTO_SUITE, "RSA",
                ConfigKey.NODE_PUBLIC_URL, "ftp://x",
                ConfigKey.HTTP_PORT, "70000",
                ConfigKey.HTTP_MAX_REQUEST_BYTES, "2GiB",
                ConfigKey.DATABASE_URL, "jdbc:mysql://db/tds",
                ConfigKey.DATABASE_MAX_POOL_SIZE, "0",
                ConfigKey.DATABASE_CONNECT_TIMEOUT, "soon",
                ConfigKey.DATAPLANE_MONITOR_INTERVAL, "0s");
        bad.forEach((key, value) -> assertThatThrownBy(
                        () -> parse(new ConfigSources().environment(PASSPHRASE).commandLine(key, value, "--flag")))
                .as(key.key())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key.key())
                .hasMessageContaining("--flag"));
    }

    @Test
    void secretsAreNeverEchoed() {
        ConfigSources sources = new ConfigSources()
                .environment(PASSPHRASE)
                .commandLine(ConfigKey.DATABASE_PASSWORD, "hunter2-secret", "--set database.password");
        TdsConfig config = parse(sources);

        assertThat(config.toString()).doesNotContain("hunter2-secret").doesNotContain("a-long-passphrase");
    }

    @Test
    void unknownKeysAreErrorsThatListTheKnownOnes() throws IOException {
        Path file = yaml("htpp:\n  port: 8080\n");

        assertThatThrownBy(() -> new ConfigSources().file(file))
                .hasMessageContaining("unknown configuration key 'htpp.port' in tds.yaml")
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> new ConfigSources().assignments(List.of("node.colour=blue")))
                .hasMessageContaining("'node.colour'");
        assertThatThrownBy(() -> new ConfigSources().assignments(List.of("novalue")))
                .hasMessageContaining("key=value");
    }

    @Test
    void malformedYamlIsReportedWithItsLine() throws IOException {
        Path file = yaml("node:\n  name: a\n   roles: [x\n");

        assertThatThrownBy(() -> new ConfigSources().file(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("malformed YAML in " + file)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> new ConfigSources().file(dir.resolve("missing.yaml")))
                .hasMessageContaining("config file not found");
        assertThatThrownBy(() -> new ConfigSources().file(yaml("- a\n- b\n"))).hasMessageContaining("mapping");
    }

    @Test
    void aMissingPassphraseSaysWhereToPutIt() {
        assertThatThrownBy(() -> parse(new ConfigSources()))
                .hasMessageContaining("TDS_KEYS_PASSPHRASE")
                .hasMessageContaining("keys.passphrase-file");
    }

    @Test
    void thePassphraseCanComeFromAFile() throws IOException {
        Path secret = dir.resolve("passphrase.txt");
        Files.writeString(secret, "from-a-file-passphrase\nignored second line\n");

        TdsConfig config =
                parse(new ConfigSources().commandLine(ConfigKey.KEYS_PASSPHRASE_FILE, secret.toString(), "--set"));

        assertThat(new String(config.keys().passphrase())).isEqualTo("from-a-file-passphrase");
        assertThatThrownBy(() -> parse(new ConfigSources()
                        .commandLine(
                                ConfigKey.KEYS_PASSPHRASE_FILE,
                                dir.resolve("nope").toString(),
                                "--set")))
                .hasMessageContaining("keys.passphrase-file");
    }

    @Test
    void sizesAndDurationsAcceptUnits() {
        TdsConfig config = parse(new ConfigSources()
                .environment(PASSPHRASE)
                .commandLine(ConfigKey.HTTP_MAX_REQUEST_BYTES, "512KiB", "--set")
                .commandLine(ConfigKey.DATABASE_CONNECT_TIMEOUT, "PT1M", "--set")
                .commandLine(ConfigKey.DATAPLANE_MONITOR_INTERVAL, "2s", "--set"));

        assertThat(config.http().maxRequestBytes()).isEqualTo(512 * 1024);
        assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.dataPlane().monitorInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(ConfigKey.NODE_DATA_DIR.envName()).isEqualTo("TDS_NODE_DATA_DIR");
        assertThat(ConfigKey.HTTP_MAX_REQUEST_BYTES.envName()).isEqualTo("TDS_HTTP_MAX_REQUEST_BYTES");
    }
}
