package city.tds.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.server.config.ConfigKey;
import city.tds.server.config.ConfigParser;
import city.tds.server.config.TdsConfig;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdsNodeTest {

    @TempDir
    Path dir;

    @Test
    void startsHealthyAndDescribesItself() {
        try (TdsNode node = TestNodes.start(dir.resolve("n"), "tax-bureau")) {
            HttpCall.Response health = HttpCall.get(node.url().resolve("/health"));
            assertThat(health.status()).isEqualTo(200);
            JsonNode body = health.json();
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("components").fieldNames())
                    .toIterable()
                    .containsExactly("database", "signingKey", "dataDirectory", "evidence");

            JsonNode self = HttpCall.get(node.url().resolve("/api/v1/node")).json();
            assertThat(self.path("name").asText()).isEqualTo("tax-bureau");
            assertThat(self.path("cryptoSuite").asText()).isEqualTo("GM");
            assertThat(self.path("algorithms").path("signature").asText()).isEqualTo("SM2-SM3");
            assertThat(self.path("signingKey").path("keyId").asText())
                    .isEqualTo(node.keys().keyId());
            assertThat(self.path("publicUrl").asText()).isEqualTo(node.url().toString());
        }
    }

    @Test
    void aRestartKeepsTheNodeIdAndKey() {
        Path data = dir.resolve("n");
        String nodeId;
        String keyId;
        try (TdsNode node = TestNodes.start(data, "bank")) {
            nodeId = node.identity().nodeId();
            keyId = node.keys().keyId();
        }
        try (TdsNode node = TestNodes.start(data, "bank")) {
            assertThat(node.identity().nodeId()).isEqualTo(nodeId);
            assertThat(node.keys().keyId()).isEqualTo(keyId);
        }
    }

    @Test
    void theIntlSuiteIsUsedWhenConfigured() {
        TdsConfig config = TestNodes.config(dir.resolve("n"), "intl", Map.of(ConfigKey.NODE_CRYPTO_SUITE, "INTL"));
        try (TdsNode node = TestNodes.start(config)) {
            JsonNode self = HttpCall.get(node.url().resolve("/api/v1/node")).json();
            assertThat(self.path("algorithms").path("signature").asText()).isEqualTo("Ed25519");
            assertThat(self.path("algorithms").path("hash").asText()).isEqualTo("SHA-256");
        }
    }

    @Test
    void aWrongPassphraseStopsStartUpAndChangesNothing() throws IOException {
        Path data = dir.resolve("n");
        TestNodes.start(data, "bank").close();
        Path keyFile = data.resolve("keys/node-signing.key");
        String keyBefore = Files.readString(keyFile);

        TdsConfig wrong = new ConfigParser(TestNodes.sources(data, "bank", Map.of())
                        .environment(Map.of(ConfigKey.KEYS_PASSPHRASE.envName(), "not-the-passphrase")))
                .parse();

        assertThatThrownBy(() -> TestNodes.start(wrong))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("passphrase does not open")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readString(keyFile)).isEqualTo(keyBefore);
        assertThat(data.resolve("db")).exists();
    }

    @Test
    void aPortInUseStopsStartUpAndAFreshDataDirectoryIsLeftAsItWas() throws IOException {
        Path data = dir.resolve("fresh");
        try (ServerSocket taken = new ServerSocket(0)) {
            TdsConfig config =
                    TestNodes.config(data, "bank", Map.of(ConfigKey.HTTP_PORT, Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> TestNodes.start(config))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void anEmptyExistingDataDirectoryIsEmptiedAgainAfterAFailedFirstStart() throws IOException {
        Path data = Files.createDirectories(dir.resolve("empty"));
        try (ServerSocket taken = new ServerSocket(0)) {
            TdsConfig config =
                    TestNodes.config(data, "bank", Map.of(ConfigKey.HTTP_PORT, Integer.toString(taken.getLocalPort())));
            assertThatThrownBy(() -> TestNodes.start(config)).isInstanceOf(StartupException.class);
        }
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anUnreachableDatabaseStopsStartUpInOneLine() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path data = dir.resolve("fresh");
        TdsConfig config = TestNodes.config(
                data,
                "bank",
                Map.of(
                        ConfigKey.DATABASE_URL,
                        "jdbc:postgresql://127.0.0.1:" + closed + "/tds",
                        ConfigKey.DATABASE_CONNECT_TIMEOUT,
                        "1s"));

        assertThatThrownBy(() -> TestNodes.start(config))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("cannot connect to database jdbc:postgresql://127.0.0.1:" + closed)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(data).doesNotExist();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> TestNodes.start(file.resolve("data"), "bank"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("cannot create data directory " + file.resolve("data"));
        assertThatThrownBy(() -> TestNodes.start(file, "bank"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void twoNodesCannotShareADataDirectory() {
        Path data = dir.resolve("shared");
        try (TdsNode first = TestNodes.start(data, "bank")) {
            assertThatThrownBy(() -> TestNodes.start(data, "bank"))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("in use by another running tds node");
            assertThat(HttpCall.get(first.url().resolve("/health")).status()).isEqualTo(200);
        }
    }

    @Test
    void aNodeCannotChangeItsCryptoSuite() {
        Path data = dir.resolve("n");
        TestNodes.start(data, "bank").close();
        TdsConfig intl = TestNodes.config(
                data,
                "bank",
                Map.of(
                        ConfigKey.NODE_CRYPTO_SUITE,
                        "INTL",
                        ConfigKey.KEYS_FILE,
                        dir.resolve("other.key").toString()));

        assertThatThrownBy(() -> TestNodes.start(intl))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("created with the GM suite");
    }

    @Test
    void runsOnPostgresql() {
        TdsConfig config = TestNodes.config(dir.resolve("n"), "pg-node", Map.of());
        var pg = city.tds.store.TestDatabases.postgresSettings();
        TdsConfig onPostgres = config.withDatabase(pg);
        try (TdsNode node = TestNodes.start(onPostgres)) {
            JsonNode health = HttpCall.get(node.url().resolve("/health")).json();
            assertThat(health.path("components")
                            .path("database")
                            .path("details")
                            .path("product")
                            .asText())
                    .startsWith("PostgreSQL");
        }
    }
}
