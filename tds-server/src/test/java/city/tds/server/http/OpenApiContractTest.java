package city.tds.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.TestNodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/openapi.yaml describes exactly the routes a node registers, and real responses match its schemas. */
class OpenApiContractTest {

    @TempDir
    static Path dir;

    private static TdsNode node;
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();

    @BeforeAll
    static void start() {
        node = TestNodes.start(dir.resolve("n"), "openapi-check");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> registered = new TreeSet<>();
        node.routes().forEach(route -> registered.add(OpenApiDocument.operation(route)));

        assertThat(registered).isEqualTo(OPENAPI.operations());
    }

    @Test
    void theServedDocumentIsTheBundledOne() {
        HttpCall.Response served = HttpCall.get(node.url().resolve("/api/openapi.yaml"));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(new String(OpenApiRoutes.load(), StandardCharsets.UTF_8));
        assertThat(OPENAPI.root().path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void responsesMatchTheirDeclaredSchemas() {
        OPENAPI.assertConforms("GET", "/health", HttpCall.get(node.url().resolve("/health")));
        OPENAPI.assertConforms("GET", "/api/v1/node", HttpCall.get(node.url().resolve("/api/v1/node")));
        OPENAPI.assertConforms("GET", "/metrics", HttpCall.get(node.url().resolve("/metrics")));
        OPENAPI.assertConforms(
                "GET", "/api/openapi.yaml", HttpCall.get(node.url().resolve("/api/openapi.yaml")));
    }

    @Test
    void metricsArePrometheusTextTaggedWithTheNode() {
        HttpCall.get(node.url().resolve("/api/v1/node"));
        String metrics = HttpCall.get(node.url().resolve("/metrics")).body();
        assertThat(metrics)
                .contains("jvm_memory_used_bytes")
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",node=\"openapi-check\",route=\"/api/v1/node\"");
    }
}
