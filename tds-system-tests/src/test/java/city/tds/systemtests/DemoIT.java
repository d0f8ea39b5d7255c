package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoParticipant;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's four nodes each answer over HTTP as themselves. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void everyDemoNodeIsHealthyAndDistinct() {
        OpenApiDocument openApi = OpenApiDocument.bundled();
        try (Demo demo = Demo.start(
                dir, 0, SuiteId.GM, TestNodes.PASSPHRASE.toCharArray(), Clock.systemUTC(), TestNodes.CHEAP_KDF)) {
            assertThat(demo.nodes()).hasSize(DemoParticipant.ALL.size());
            Set<String> nodeIds = new HashSet<>();
            Set<String> keyIds = new HashSet<>();
            for (Demo.Running running : demo.nodes()) {
                HttpCall.Response health = HttpCall.get(running.node().url().resolve("/health"));
                assertThat(health.status()).as(running.participant().nodeName()).isEqualTo(200);
                openApi.assertConforms("GET", "/health", health);

                HttpCall.Response describe = HttpCall.get(running.node().url().resolve("/api/v1/node"));
                openApi.assertConforms("GET", "/api/v1/node", describe);
                JsonNode self = describe.json();
                assertThat(self.path("name").asText())
                        .isEqualTo(running.participant().nodeName());
                boolean space = running.participant().nodeName().equals("space");
                assertThat(self.path("roles").get(0).asText()).isEqualTo(space ? "space" : "connector");
                nodeIds.add(self.path("nodeId").asText());
                keyIds.add(self.path("signingKey").path("keyId").asText());
            }
            assertThat(nodeIds).hasSize(4);
            assertThat(keyIds).hasSize(4);
        }
        assertThat(dir.resolve("tax-bureau/keys/node-signing.key")).exists();
    }
}
