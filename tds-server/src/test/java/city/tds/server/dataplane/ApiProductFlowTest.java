package city.tds.server.dataplane;

import static city.tds.server.dataplane.DataPlaneCalls.await;
import static city.tds.server.dataplane.DataPlaneCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoCredit;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.DemoWalk;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.ProductPublishing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API-type product over real HTTP between the demo's connectors: the tax bureau registers its internal credit API
 * (a JDK HTTP server in the test that insists on the bureau's key) as an HTTP_API source and lists a product over it
 * that allows API calls for credit risk, at most three; the bank agrees, starts an HttpData-API transfer and calls
 * through the tax bureau's proxy. Calls arrive upstream with the bureau's key and without the bank's token, are
 * refused for another purpose and beyond the count (neither counted), are metered and recorded, and stop when the
 * transfer ends; an internal API that is down is a 502.
 */
class ApiProductFlowTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDIT_RISK = "tds:purpose/credit-risk";
    private static final String API_KEY = "tax-internal-key-7f3a";
    private static final String PRODUCT = "小微企业纳税信用查询接口";
    private static final String STANDBY_PRODUCT = "小微企业纳税信用查询接口（备用）";
    private static final String ANONYMISED_PRODUCT = "小微企业纳税信用查询接口（须匿名化）";
    private static final int CALLS = 3;
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();
    private static final String CALL_PATH = "/api/data/v1/api/{id}/{path}";

    private static Demo demo;
    private static TdsNode tax;
    private static TdsNode bank;
    private static String bankToken;
    private static String taxToken;
    private static InternalApi credit;
    private static InternalApi standby;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoWalk.start(dir).demo();
        tax = demo.node("tax-bureau").node();
        bank = demo.node("bank").node();
        SpaceClient space = new SpaceClient(demo.nodes().get(0).node().url());
        bankToken = space.login("bank-admin", DemoOnboarding.PASSWORD);
        taxToken = space.login("tax-bureau-admin", DemoOnboarding.PASSWORD);
        String reviewer = space.login("demo-listing-reviewer", DemoOnboarding.PASSWORD);
        credit = InternalApi.start();
        standby = InternalApi.start();
        register("tax-credit-api", credit);
        register("tax-credit-api-standby", standby);
        register("tax-credit-api-anonymised", credit);
        publish(space, reviewer, "tax-credit-api", PRODUCT, false, "API");
        // the standby product's policy admits a file transfer too, which its API source cannot give
        publish(space, reviewer, "tax-credit-api-standby", STANDBY_PRODUCT, false, "API", "FILE_TRANSFER");
        // answers of API products are not masked, so a duty to anonymise cannot be met by calls
        publish(space, reviewer, "tax-credit-api-anonymised", ANONYMISED_PRODUCT, true, "API");
        // the tax bureau's connector reads its listed products from the space every few seconds
        DataPlaneCalls.awaitOffered(bank, bankToken, tax, List.of(PRODUCT, STANDBY_PRODUCT, ANONYMISED_PRODUCT));
    }

    @AfterAll
    static void stop() {
        demo.close();
        credit.close();
        standby.close();
    }

    @Test
    void callsArriveWithTheProvidersKeyAndAreCountedUpToTheAgreedNumber() throws Exception {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", PRODUCT, line -> {});
        JsonNode access = started(agreement);
        String endpoint = access.path("endpoint").asText();
        String token = access.path("authorization").asText();
        assertThat(endpoint).startsWith(tax.url() + "/api/data/v1/api/");
        assertThat(token).startsWith("tds-edr-");

        int before = credit.seen.size();
        HttpCall.Response first = api("GET", endpoint + "/firms/91330100000000001X?fields=rating", token, CREDIT_RISK);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(first.json().path("creditCode").asText()).isEqualTo("91330100000000001X");
        assertThat(first.header("TDS-Call")).contains("1");
        assertThat(first.header("Set-Cookie"))
                .as("the internal API's other headers stay inside")
                .isEmpty();
        InternalApi.Seen upstream = credit.seen.get(credit.seen.size() - 1);
        assertThat(upstream.uri()).isEqualTo("/internal/v1/firms/91330100000000001X?fields=rating");
        assertThat(upstream.headers()).containsEntry("x-api-key", API_KEY).doesNotContainKey("authorization");
        assertThat(upstream.headers().values()).noneMatch(v -> v.contains(token));

        HttpCall.Response marketing =
                api("GET", endpoint + "/firms/91330100000000001X", token, "tds:purpose/marketing");
        assertThat(marketing.status()).isEqualTo(403);
        assertThat(marketing.json().path("type").asText()).isEqualTo("urn:tds:problem:usage-denied");
        assertThat(marketing.json().path("detail").asText()).contains("purpose");
        OPENAPI.assertConforms("GET", CALL_PATH, marketing);
        assertThat(api("GET", endpoint + "/firms", token, null).status()).isEqualTo(400);
        assertThat(api("GET", endpoint + "/a/%2e%2e/admin", token, CREDIT_RISK).status())
                .isEqualTo(400);
        assertThat(credit.seen)
                .as("refused calls do not reach the internal API")
                .hasSize(before + 1);

        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(endpoint + "/scores"))
                .header("Authorization", "Bearer " + token)
                .header("TDS-Purpose", CREDIT_RISK)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"creditCodes\":[\"91330100000000002X\"]}"));
        HttpCall.Response second = HttpCall.send(post);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.header("TDS-Call")).contains("2");
        assertThat(credit.seen.get(credit.seen.size() - 1)).satisfies(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(new String(s.body(), StandardCharsets.UTF_8)).contains("91330100000000002X");
        });
        assertThat(api("GET", endpoint, token, CREDIT_RISK).header("TDS-Call")).contains("3");

        HttpCall.Response fourth = api("GET", endpoint + "/firms", token, CREDIT_RISK);
        assertThat(fourth.status()).isEqualTo(403);
        assertThat(fourth.json().path("detail").asText()).contains("count");
        assertThat(credit.seen).hasSize(before + 3);

        JsonNode usage = call(tax, "GET", "/api/v1/dataplane/usage?agreementId=" + agreement, taxToken, null)
                .json();
        OPENAPI.assertConforms("GET", "/api/v1/dataplane/usage", 200, usage);
        assertThat(usage).hasSize(CALLS).allSatisfy(u -> {
            assertThat(u.path("kind").asText()).isEqualTo("CALL");
            assertThat(u.path("calls").asLong()).isEqualTo(1);
            assertThat(u.path("bytes").asLong()).isEqualTo(credit.answer.length);
            assertThat(u.path("purpose").asText()).isEqualTo(CREDIT_RISK);
        });
        await(() -> evidence(tax, "api.called", "agreement:" + agreement), n -> n == CALLS);
    }

    @Test
    void theTokenIsRefusedWhileSuspendedAndOnceTheTransferIsCompletedOrTerminated() {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", PRODUCT, line -> {});
        String completed = request(agreement);
        JsonNode access = await(
                () -> transfer(completed).path("apiAccess"),
                a -> a.path("authorization").isTextual());
        String endpoint = access.path("endpoint").asText();
        String token = access.path("authorization").asText();
        assertThat(api("GET", endpoint + "/firms", token, CREDIT_RISK).status()).isEqualTo(200);
        assertThat(api("GET", endpoint + "/firms", "tds-edr-guessed", CREDIT_RISK)
                        .status())
                .isEqualTo(401);
        HttpCall.Response other =
                api("GET", endpoint.substring(0, endpoint.lastIndexOf('/') + 1) + "urn:uuid:other", token, CREDIT_RISK);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("type").asText()).isEqualTo("urn:tds:problem:edr-wrong-transfer");

        String providerSide = providerPid(completed);
        control(tax, taxToken, providerSide, "SUSPEND");
        HttpCall.Response suspended = api("GET", endpoint + "/firms", token, CREDIT_RISK);
        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.json().path("type").asText()).isEqualTo("urn:tds:problem:transfer-not-started");
        control(tax, taxToken, providerSide, "RESUME");
        String resumed = await(
                        () -> transfer(completed).path("apiAccess"),
                        a -> a.path("authorization").isTextual()
                                && !a.path("authorization").asText().equals(token))
                .path("authorization")
                .asText();
        assertThat(api("GET", endpoint + "/firms", resumed, CREDIT_RISK).status())
                .isEqualTo(200);

        control(bank, bankToken, completed, "COMPLETE");
        // asked for another purpose while the completion travels, so that the asking is refused and never counted
        await(() -> api("GET", endpoint + "/firms", resumed, "tds:purpose/marketing"), r -> r.status() == 401);
        HttpCall.Response revoked = api("GET", endpoint + "/firms", resumed, CREDIT_RISK);
        assertThat(revoked.json().path("type").asText()).isEqualTo("urn:tds:problem:edr-revoked");
        assertThat(revoked.json().path("detail").asText()).contains("COMPLETED");
        assertThat(transfer(completed).has("apiAccess")).isFalse();

        String terminated = request(agreement);
        JsonNode second = await(
                () -> transfer(terminated).path("apiAccess"),
                a -> a.path("authorization").isTextual());
        HttpCall.Response third = api(
                "GET",
                second.path("endpoint").asText(),
                second.path("authorization").asText(),
                CREDIT_RISK);
        assertThat(third.header("TDS-Call"))
                .as("calls are counted per agreement, across its transfers: %s", third.body())
                .contains("3");
        control(tax, taxToken, providerPid(terminated), "TERMINATE");
        HttpCall.Response ended = await(
                () -> api(
                        "GET",
                        second.path("endpoint").asText(),
                        second.path("authorization").asText(),
                        CREDIT_RISK),
                r -> r.status() == 401);
        assertThat(ended.json().path("detail").asText()).contains("TERMINATED");
    }

    @Test
    void anInternalApiThatIsDownIsABadGatewayAndTheCallIsNotCounted() {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", STANDBY_PRODUCT, line -> {});
        JsonNode access = started(agreement);
        standby.close();

        HttpCall.Response down = api(
                "GET",
                access.path("endpoint").asText() + "/firms",
                access.path("authorization").asText(),
                CREDIT_RISK);

        assertThat(down.status()).as(down.body()).isEqualTo(502);
        assertThat(down.json().path("type").asText()).isEqualTo("urn:tds:problem:source-unavailable");
        OPENAPI.assertConforms("GET", CALL_PATH, down);
        assertThat(call(tax, "GET", "/api/v1/dataplane/usage?agreementId=" + agreement, taxToken, null)
                        .json())
                .isEmpty();
    }

    @Test
    void aFileTransferOfAnApiProductIsRefusedAndTheSourceShowsNoKey() {
        String apiOnly = DemoCredit.agree(demo, bankToken, "tax-bureau", PRODUCT, line -> {});
        assertThat(ended(apiOnly, "HttpData-PULL").path("reason").asText()).contains("dsp-policy-denied");
        String both = DemoCredit.agree(demo, bankToken, "tax-bureau", STANDBY_PRODUCT, line -> {});
        assertThat(ended(both, "HttpData-PULL").path("reason").asText())
                .contains("no-source")
                .contains("HttpData-API");

        HttpCall.Response sources = call(tax, "GET", "/api/v1/dataplane/sources", taxToken, null);
        OPENAPI.assertConforms("GET", "/api/v1/dataplane/sources", 200, sources.json());
        assertThat(sources.body()).doesNotContain(API_KEY).contains("X-Api-Key").contains("HTTP_API");
    }

    @Test
    void anApiTransferUnderADutyToAnonymiseIsRefusedSinceAnswersAreNotMasked() {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", ANONYMISED_PRODUCT, line -> {});
        assertThat(ended(agreement, "HttpData-API").path("reason").asText())
                .contains("anonymize-unsupported")
                .contains("masking profile");
    }

    /** The bank's transfer in {@code format} under {@code agreement}, once the tax bureau refused it. */
    private static JsonNode ended(String agreement, String format) {
        HttpCall.Response requested = call(
                bank,
                "POST",
                "/api/v1/contracts/transfers",
                bankToken,
                JSON.createObjectNode().put("agreementId", agreement).put("format", format));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().path("id").asText();
        return await(() -> transfer(id), t -> t.path("state").asText().equals("TERMINATED"));
    }

    // the set-up

    private static void register(String name, InternalApi api) {
        ObjectNode source = JSON.createObjectNode()
                .put("name", name)
                .put("kind", "HTTP_API")
                .put("location", api.base())
                .put("user", "X-Api-Key")
                .put("password", API_KEY);
        HttpCall.Response registered = call(tax, "POST", "/api/v1/dataplane/sources", taxToken, source);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain(API_KEY);
        assertThat(registered.json().path("hasPassword").asBoolean()).isTrue();
    }

    /** Lists an API product over source {@code sourceId} through the listing workflow, as the demo lists its own. */
    private static void publish(
            SpaceClient space, String reviewer, String sourceId, String name, boolean anonymise, String... modes) {
        String clientId = tax.protocol()
                .orElseThrow()
                .joined()
                .orElseThrow()
                .session()
                .membership()
                .clientId();
        ObjectNode resource = JSON.createObjectNode()
                .put("title", name + "（资源）")
                .put("description", "税务局内部纳税信用查询接口：" + name)
                .put("sourceKind", "AUTHORIZED_OPERATION")
                .put("connectorId", clientId)
                .put("sourceId", sourceId)
                .put("department", "市税务局征管科技处")
                .put("updateFrequency", "DAILY")
                .put("recordCount", 3_000)
                .put("coverageFrom", "2021-01-01")
                .put("coverageTo", "2026-10-31")
                .put("classification", "经济/税务")
                .put("grade", "GENERAL");
        resource.putArray("fields")
                .addObject()
                .put("name", "credit_code")
                .put("type", "string")
                .put("description", "统一社会信用代码");
        String resourceId = space.post("/api/v1/catalog/resources", taxToken, resource)
                .expect(201)
                .path("id")
                .asText();
        ObjectNode product = JSON.createObjectNode()
                .put("name", name)
                .put("description", "按次调用的纳税信用查询接口，经税务局连接器逐次核验合同后转发，限信贷风控用途，最多调用 3 次。")
                .put("industry", "金融业")
                .put("type", "API")
                .put("publicData", true);
        product.putArray("keywords").add("纳税信用").add("接口");
        product.putArray("resourceIds").add(resourceId);
        ArrayNode deliveryModes = product.putArray("deliveryModes");
        ArrayNode channels = JSON.createArrayNode();
        for (String mode : modes) {
            deliveryModes.add(mode);
            channels.add(mode.equals("API") ? "tds:api" : "tds:fileTransfer");
        }
        ObjectNode policy = apiPolicy(channels);
        product.set("policy", anonymise ? ProductPublishing.anonymising(policy) : policy);
        ProductPublishing.list(space, taxToken, reviewer, product);
    }

    /**
     * Use through {@code channels} for credit risk by a financial institution, at most three times; no
     * redistribution.
     */
    private static ObjectNode apiPolicy(ArrayNode channels) {
        return DemoCatalog.creditRiskPolicy(constraints -> {
            constraints
                    .addObject()
                    .put("leftOperand", "deliveryChannel")
                    .put("operator", "isAnyOf")
                    .set("rightOperand", channels);
            constraints
                    .addObject()
                    .put("leftOperand", "count")
                    .put("operator", "lteq")
                    .put("rightOperand", CALLS);
        });
    }

    // the bank's side

    /** The bank starts an API transfer under {@code agreement}; its apiAccess once started. */
    private static JsonNode started(String agreement) {
        String id = request(agreement);
        return await(
                () -> transfer(id).path("apiAccess"),
                a -> a.path("authorization").isTextual());
    }

    private static String request(String agreement) {
        return DataPlaneCalls.requestTransfer(bank, bankToken, agreement, "HttpData-API");
    }

    private static JsonNode transfer(String id) {
        HttpCall.Response t = call(bank, "GET", "/api/v1/contracts/transfers/" + id, bankToken, null);
        OPENAPI.assertConforms("GET", "/api/v1/contracts/transfers/{id}", 200, t.json());
        return t.json();
    }

    private static String providerPid(String consumerTransfer) {
        return await(() -> transfer(consumerTransfer).path("providerPid").asText(""), pid -> !pid.isEmpty());
    }

    private static void control(TdsNode node, String token, String transfer, String action) {
        HttpCall.Response r = call(
                node,
                "POST",
                "/api/v1/contracts/transfers/" + transfer + "/control",
                token,
                JSON.createObjectNode().put("action", action));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static HttpCall.Response api(String method, String url, String token, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (purpose != null) {
            request.header("TDS-Purpose", purpose);
        }
        return HttpCall.send(request);
    }

    /** How many evidence records of {@code type} name {@code subject} (the log appends them as it catches up). */
    private static int evidence(TdsNode node, String type, String subject) {
        return node.database()
                .unitOfWork()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM evidence_leaf l JOIN evidence_subject s ON s.seq"
                                + " = l.seq WHERE l.event_type = :type AND s.subject = :subject")
                        .bind("type", type)
                        .bind("subject", subject)
                        .mapTo(Integer.class)
                        .one());
    }

    /** The tax bureau's internal credit API: answers a key holder with a firm's rating, anyone else with 401. */
    static final class InternalApi implements AutoCloseable {

        record Seen(String method, String uri, Map<String, String> headers, byte[] body) {}

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final byte[] answer =
                "{\"creditCode\":\"91330100000000001X\",\"rating\":\"A\"}".getBytes(StandardCharsets.UTF_8);
        private final HttpServer server;
        private boolean closed;

        private InternalApi(HttpServer server) {
            this.server = server;
        }

        static InternalApi start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            InternalApi api = new InternalApi(server);
            server.createContext("/internal/v1", api::answer);
            server.start();
            return api;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/internal/v1";
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                URI uri = exchange.getRequestURI();
                seen.add(new Seen(
                        exchange.getRequestMethod(),
                        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                        headers,
                        exchange.getRequestBody().readAllBytes()));
                boolean keyed = API_KEY.equals(headers.get("x-api-key"));
                byte[] body = keyed ? answer : "{\"error\":\"no key\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Set-Cookie", "internal-session=1");
                exchange.sendResponseHeaders(keyed ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.stop(0);
            }
        }
    }
}
