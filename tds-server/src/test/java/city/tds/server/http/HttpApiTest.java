package city.tds.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.server.testkit.HttpCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The error contract every route gets for free: problem+json, a stable type, never a stack trace. */
class HttpApiTest {

    record Greeting(String name, int count) {}

    private static final JsonBody JSON_BODY = new JsonBody(Json.newMapper());
    private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
    private static HttpApi api;
    private static URI base;

    @BeforeAll
    static void start() {
        api = HttpApi.start(
                "test", "127.0.0.1", 0, 4096, Json.newMapper(), METRICS, Authenticator.NONE, List.of(routes -> {
                    routes.post("/echo", ctx -> ctx.json(JSON_BODY.read(ctx, Greeting.class)), Access.PUBLIC);
                    routes.get(
                            "/boom",
                            ctx -> {
                                throw new IllegalStateException("secret internal detail");
                            },
                            Access.PUBLIC);
                    routes.get(
                            "/refused",
                            ctx -> {
                                throw new ProblemException(
                                        Problem.conflict("already-decided", "application a1 was decided"));
                            },
                            Access.PUBLIC);
                }));
        base = URI.create("http://127.0.0.1:" + api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertProblem(HttpCall.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:tds:problem:" + code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).contains(" / ");
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void wellFormedJsonIsRead() {
        HttpCall.Response ok =
                HttpCall.post(base.resolve("/echo"), "application/json", "{\"name\":\"税务局\",\"count\":2}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("name").asText()).isEqualTo("税务局");
    }

    @Test
    void malformedJsonIs400WithTheLine() {
        HttpCall.Response response = HttpCall.post(base.resolve("/echo"), "application/json", "{\n\"name\": \"x\",,}");
        assertProblem(response, 400, "malformed-json");
        assertThat(response.json().path("detail").asText()).contains("line 2");
    }

    @Test
    void unknownFieldsWrongTypesAndMissingBodiesAreNamed() {
        HttpCall.Response unknown =
                HttpCall.post(base.resolve("/echo"), "application/json", "{\"name\":\"x\",\"count\":1,\"colour\":1}");
        assertProblem(unknown, 400, "unknown-field");
        assertThat(unknown.json().path("detail").asText()).contains("'colour'");

        HttpCall.Response wrongType =
                HttpCall.post(base.resolve("/echo"), "application/json", "{\"name\":\"x\",\"count\":\"two\"}");
        assertProblem(wrongType, 400, "invalid-field");
        assertThat(wrongType.json().path("detail").asText()).contains("'count'");

        assertProblem(HttpCall.post(base.resolve("/echo"), "application/json", " "), 400, "missing-body");
        assertProblem(HttpCall.post(base.resolve("/echo"), "text/plain", "{}"), 400, "unsupported-media-type");
        assertProblem(HttpCall.post(base.resolve("/echo"), "application/json", "[1,2]"), 400, "invalid-field");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"name\":\"" + "x".repeat(10_000) + "\",\"count\":1}";
        assertProblem(HttpCall.post(base.resolve("/echo"), "application/json", big), 413, "payload-too-large");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        HttpCall.Response missing = HttpCall.get(base.resolve("/api/v1/nothing-here"));
        assertProblem(missing, 404, "not-found");
        assertThat(missing.json().path("instance").asText()).isEqualTo("/api/v1/nothing-here");

        assertProblem(HttpCall.post(base.resolve("/boom"), "application/json", "{}"), 405, "method-not-allowed");
    }

    @Test
    void jettyLevelErrorsAreProblemsToo() throws Exception {
        for (String request : List.of(
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GARBAGE\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")) {
            String response = raw(request);
            assertThat(response).as(request.substring(0, 8)).startsWith("HTTP/1.1 4");
            assertThat(response).contains("Content-Type: application/problem+json");
            assertThat(response).contains("\"type\":\"urn:tds:problem:").doesNotContain("<html");
        }
    }

    private static String raw(String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void unexpectedFailuresAre500WithAnErrorIdAndNoDetail() {
        HttpCall.Response response = HttpCall.get(base.resolve("/boom"));
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("secret internal detail");
        assertThat(response.json().path("detail").asText()).contains("error id");
    }

    @Test
    void domainProblemsKeepTheirCodeAndStatus() {
        HttpCall.Response response = HttpCall.get(base.resolve("/refused"));
        assertProblem(response, 409, "already-decided");
        assertThat(response.json().path("detail").asText()).isEqualTo("application a1 was decided");
    }

    @Test
    void requestsAreTimedByRouteTemplate() {
        HttpCall.get(base.resolve("/refused"));
        assertThat(METRICS.find("http.server.requests")
                        .tag("route", "/refused")
                        .tag("status", "409")
                        .timer())
                .isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
    }
}
