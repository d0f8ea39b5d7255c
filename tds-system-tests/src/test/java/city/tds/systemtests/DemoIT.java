package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.demo.DemoParticipant;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

            List<String> steps = new ArrayList<>();
            List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, steps::add);
            assertThat(onboarded)
                    .extracting(o -> o.participant().nodeName())
                    .containsExactly("tax-bureau", "social-security", "bank");
            assertThat(steps).anyMatch(step -> step.contains("approved"));
            assertThat(onboarded)
                    .extracting(DemoOnboarding.Onboarded::statusIndex)
                    .doesNotHaveDuplicates();

            var space = new city.tds.server.identity.SpaceClient(
                    demo.nodes().get(0).node().url());
            String bankAdmin = space.login("bank-admin", DemoOnboarding.PASSWORD);
            String bankId = onboarded.get(2).participantId();
            assertThat(space.get("/api/v1/participants/" + bankId, bankAdmin)
                            .expect(200)
                            .path("roles")
                            .get(0)
                            .asText())
                    .isEqualTo("CONSUMER");
            // running the onboarding again finds the participants instead of applying twice
            assertThat(DemoOnboarding.run(demo, line -> {}))
                    .extracting(DemoOnboarding.Onboarded::participantId)
                    .containsExactlyElementsOf(onboarded.stream()
                            .map(DemoOnboarding.Onboarded::participantId)
                            .toList());

            // the providers publish through the listing workflow; the bank finds a product by what it means
            List<DemoCatalog.Listed> listed = DemoCatalog.run(demo, onboarded, steps::add);
            assertThat(listed)
                    .extracting(DemoCatalog.Listed::name)
                    .containsExactly("小微企业纳税信用评估", "企业社保缴纳核验", "小微企业纳税概况数据集", "企业社保参保缴费概况数据集");
            assertThat(listed).allSatisfy(l -> assertThat(l.registrationCode()).matches("TDS-\\d{4}-\\d{6}-[0-9A-Z]"));
            assertThat(steps).anyMatch(step -> step.contains("first hit 企业社保缴纳核验"));
            assertThat(DemoCatalog.run(demo, onboarded, line -> {}))
                    .extracting(DemoCatalog.Listed::productId)
                    .containsExactlyElementsOf(
                            listed.stream().map(DemoCatalog.Listed::productId).toList());
        }
        assertThat(dir.resolve("tax-bureau/keys/node-signing.key")).exists();
    }
}
