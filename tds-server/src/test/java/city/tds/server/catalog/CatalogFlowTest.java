package city.tds.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.identity.Role;
import city.tds.core.testkit.MutableClock;
import city.tds.server.config.ConfigKey;
import city.tds.server.identity.SpaceClient;
import city.tds.server.identity.SpaceClient.Reply;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.SpaceFixture;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, as users do it: a provider registers a resource and a product, a reviewer approves it, the public notice
 * runs (an objection is raised and dismissed), it is listed with a registration code, found by a Chinese query,
 * exported as DCAT, delisted and no longer found; and every bad input on the way is refused with nothing changed.
 */
class CatalogFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();

    @TempDir
    static Path dir;

    private static final MutableClock CLOCK = MutableClock.startingAt("2026-12-01T01:00:00Z");
    private static TdsNode node;
    private static SpaceFixture space;
    private static SpaceClient client;
    private static String listingReviewer;

    @BeforeAll
    static void start() {
        node = TdsNode.start(
                TestNodes.config(
                        dir.resolve("space"),
                        "catalog-flow",
                        Map.of(
                                ConfigKey.IDENTITY_ACCESS_TOKEN_LIFETIME, "240h",
                                ConfigKey.CATALOG_SPACE_CODE, "SH-TDS")),
                CLOCK,
                TestNodes.CHEAP_KDF);
        space = new SpaceFixture(node);
        client = space.client();
        listingReviewer = space.staff(Role.LISTING_REVIEWER, "listing-reviewer");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String code(Reply reply) {
        return reply.body().path("type").asText().replace("urn:tds:problem:", "");
    }

    static ObjectNode zone(String code, String name, String lead, String visibility) {
        ObjectNode z = JSON.createObjectNode()
                .put("code", code)
                .put("name", name)
                .put("description", name + "，由牵头单位运营")
                .put("leadParticipantId", lead)
                .put("visibility", visibility);
        return z;
    }

    static ObjectNode resource(String connectorId, String sourceId) {
        ObjectNode r = JSON.createObjectNode()
                .put("title", "企业纳税信息")
                .put("description", "全市企业按月纳税申报与缴纳记录")
                .put("sourceKind", "AUTHORIZED_OPERATION")
                .put("connectorId", connectorId)
                .put("sourceId", sourceId)
                .put("department", "市税务局")
                .put("updateFrequency", "MONTHLY")
                .put("recordCount", 1_200_000)
                .put("coverageFrom", "2020-01-01")
                .put("coverageTo", "2026-10-31")
                .put("classification", "经济/税务")
                .put("grade", "GENERAL");
        var fields = r.putArray("fields");
        fields.addObject().put("name", "credit_code").put("type", "string").put("description", "统一社会信用代码");
        fields.addObject().put("name", "tax_amount").put("type", "decimal").put("description", "纳税金额");
        return r;
    }

    static ObjectNode policy() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"@context": ["http://www.w3.org/ns/odrl.jsonld", {"tds": "https://tds.city/ns/policy#"}],
                     "@type": "Offer",
                     "permission": [{"action": "use", "constraint": [
                        {"leftOperand": "purpose", "operator": "eq", "rightOperand": "tds:purpose/credit-risk"},
                        {"leftOperand": "deliveryChannel", "operator": "isAnyOf",
                         "rightOperand": ["tds:sandbox", "tds:privacyComputing"]}]}],
                     "prohibition": [{"action": "distribute"}]}
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode product(String resourceId, String zoneId) {
        ObjectNode p = JSON.createObjectNode()
                .put("name", "小微企业纳税信用评估")
                .put("description", "基于企业纳税申报与缴纳记录的信用评估，服务银行普惠信贷风控，数据不出域")
                .put("industry", "金融业")
                .put("type", "PRIVACY_COMPUTING_SERVICE")
                .put("publicData", true);
        p.putArray("keywords").add("纳税").add("普惠金融").add("信贷风控");
        p.putArray("resourceIds").add(resourceId);
        p.putArray("deliveryModes").add("SANDBOX").add("PRIVACY_COMPUTING");
        p.set("policy", policy());
        p.putObject("price").put("model", "PER_CALL").put("amount", 2).put("currency", "CNY");
        p.putArray("zoneIds").add(zoneId);
        return p;
    }

    static Reply search(String query, String token) {
        return client.get("/api/v1/catalog/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
    }

    @Test
    void registerListFindDelistOverHttp() {
        SpaceFixture.Organisation tax = space.onboard("市税务数据服务中心");
        SpaceFixture.Organisation bank = space.onboard("城商银行");

        String financeId = client.post(
                        "/api/v1/catalog/zones",
                        space.sysadminToken(),
                        zone("finance", "金融服务专区", tax.participantId(), "PUBLIC"))
                .expect(201)
                .path("id")
                .asText();
        assertThat(code(client.post(
                        "/api/v1/catalog/zones", tax.adminToken(), zone("x", "x", tax.participantId(), "PUBLIC"))))
                .isEqualTo("forbidden");

        // a resource must point at the provider's own connector
        Reply notYours =
                client.post("/api/v1/catalog/resources", tax.adminToken(), resource(bank.clientId(), "tax_monthly"));
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(code(notYours)).isEqualTo("not-your-source");
        assertThat(client.get("/api/v1/catalog/resources", tax.adminToken()).expect(200))
                .isEmpty();
        Reply registered =
                client.post("/api/v1/catalog/resources", tax.adminToken(), resource(tax.clientId(), "tax_monthly"));
        OPENAPI.assertConforms("POST", "/api/v1/catalog/resources", registered.status(), registered.body());
        String resourceId = registered.expect(201).path("id").asText();

        // bad products change nothing
        ObjectNode unknownResource = product("no-such-resource", financeId);
        assertThat(code(client.post("/api/v1/catalog/products", tax.adminToken(), unknownResource)))
                .isEqualTo("unknown-resource");
        ObjectNode outside = product(resourceId, financeId);
        ((ObjectNode) outside.path("policy")
                        .path("permission")
                        .get(0)
                        .path("constraint")
                        .get(0))
                .put("leftOperand", "industry");
        Reply outsideReply = client.post("/api/v1/catalog/products", tax.adminToken(), outside);
        assertThat(outsideReply.status()).isEqualTo(400);
        assertThat(code(outsideReply)).isEqualTo("policy-outside-subset");
        assertThat(outsideReply.body().path("detail").asText()).contains("industry");
        ObjectNode tooDear = product(resourceId, financeId);
        ((ObjectNode) tooDear.path("price")).put("amount", 99);
        assertThat(code(client.post("/api/v1/catalog/products", tax.adminToken(), tooDear)))
                .isEqualTo("price-above-cap");
        ObjectNode unknownField = product(resourceId, financeId).put("colour", "red");
        assertThat(code(client.post("/api/v1/catalog/products", tax.adminToken(), unknownField)))
                .isEqualTo("unknown-field");
        assertThat(client.get("/api/v1/catalog/products", tax.adminToken()).expect(200))
                .isEmpty();

        Reply created = client.post("/api/v1/catalog/products", tax.adminToken(), product(resourceId, financeId));
        OPENAPI.assertConforms("POST", "/api/v1/catalog/products", created.status(), created.body());
        String productId = created.expect(201).path("id").asText();
        byte[] pdf = "%PDF-1.7 评估报告".getBytes(StandardCharsets.UTF_8);
        for (String kind : new String[] {"COMPLIANCE_ASSESSMENT", "QUALITY_ASSESSMENT"}) {
            client.upload(
                            "/api/v1/catalog/products/" + productId + "/attachments?kind=" + kind + "&name=report.pdf",
                            tax.adminToken(),
                            "application/pdf",
                            pdf)
                    .expect(201);
        }
        assertThat(client.post("/api/v1/catalog/products/" + productId + "/submit", tax.adminToken(), JSON.nullNode())
                        .expect(200)
                        .path("status")
                        .asText())
                .isEqualTo("SUBMITTED");
        Reply approved = client.post(
                "/api/v1/catalog/products/" + productId + "/review",
                listingReviewer,
                JSON.createObjectNode().put("decision", "APPROVE"));
        assertThat(approved.expect(200).path("status").asText()).isEqualTo("IN_NOTICE");

        // during the notice anyone may see it and object
        Reply notices = client.get("/api/v1/catalog/notices", null);
        OPENAPI.assertConforms("GET", "/api/v1/catalog/notices", notices.status(), notices.body());
        assertThat(notices.expect(200))
                .extracting(n -> n.path("productId").asText())
                .contains(productId);
        assertThat(client.get("/api/v1/catalog/products/" + productId, null)
                        .expect(200)
                        .path("versions")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("IN_NOTICE");
        String objectionId = client.post(
                        "/api/v1/catalog/products/" + productId + "/objections",
                        bank.adminToken(),
                        JSON.createObjectNode().put("reason", "请说明数据授权链条"))
                .expect(201)
                .path("id")
                .asText();
        client.post(
                        "/api/v1/catalog/products/" + productId + "/objections/" + objectionId + "/resolution",
                        listingReviewer,
                        JSON.createObjectNode().put("decision", "DISMISS").put("reason", "授权运营协议已在合规评估中附上"))
                .expect(200);
        assertThat(search("纳税信用", null).expect(200).path("hits")).isEmpty();

        CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        JsonNode listed = client.post("/api/v1/catalog/notices/conclude", listingReviewer, JSON.nullNode())
                .expect(200);
        assertThat(listed).hasSize(1);
        JsonNode product =
                client.get("/api/v1/catalog/products/" + productId, null).expect(200);
        String registrationCode = product.path("registrationCode").asText();
        assertThat(registrationCode).matches("SH-TDS-2026-000001-[0-9A-Z]");

        Reply found = search("企业纳税信用", null);
        OPENAPI.assertConforms("GET", "/api/v1/catalog/search", found.status(), found.body());
        JsonNode hits = found.expect(200).path("hits");
        assertThat(hits.get(0).path("productId").asText()).isEqualTo(productId);
        assertThat(hits.get(0).path("registrationCode").asText()).isEqualTo(registrationCode);
        assertThat(found.body().path("facets").path("zone").get(0).path("value").asText())
                .isEqualTo(financeId);
        assertThat(search("纳税", null)
                        .expect(200)
                        .path("hits")
                        .get(0)
                        .path("productId")
                        .asText())
                .isEqualTo(productId);

        HttpCall.Response dcat = HttpCall.get(node.url().resolve("/api/v1/catalog/dcat"));
        assertThat(dcat.status()).isEqualTo(200);
        assertThat(dcat.contentType()).startsWith("application/ld+json");
        assertThat(dcat.json()
                        .path("dcat:dataset")
                        .get(0)
                        .path("dct:identifier")
                        .asText())
                .isEqualTo(registrationCode);

        Reply bankDelists = client.post(
                "/api/v1/catalog/products/" + productId + "/delist",
                bank.adminToken(),
                JSON.createObjectNode().put("reason", "不是我的"));
        assertThat(bankDelists.status()).isEqualTo(404);
        client.post(
                        "/api/v1/catalog/products/" + productId + "/delist",
                        tax.adminToken(),
                        JSON.createObjectNode().put("reason", "停止提供"))
                .expect(200);
        assertThat(search("企业纳税信用", null).expect(200).path("hits")).isEmpty();
        Reply again = client.post(
                "/api/v1/catalog/products/" + productId + "/delist",
                tax.adminToken(),
                JSON.createObjectNode().put("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains("DELISTED", "nothing (final)");
    }

    @Test
    void governanceGradesAResourceRegisteredWithoutAGradeAndNamesWhy() {
        SpaceFixture.Organisation market = space.onboard("市市场监管数据中心");
        ObjectNode legalPersons = resource(market.clientId(), "legal_persons");
        legalPersons.remove("grade");
        legalPersons.remove("classification");
        ((com.fasterxml.jackson.databind.node.ArrayNode) legalPersons.path("fields"))
                .addObject()
                .put("name", "legal_person_id")
                .put("type", "string")
                .put("description", "法定代表人身份证号");
        Reply registered = client.post("/api/v1/catalog/resources", market.adminToken(), legalPersons);
        OPENAPI.assertConforms("POST", "/api/v1/catalog/resources", registered.status(), registered.body());
        JsonNode r = registered.expect(201);
        assertThat(r.path("grade").asText()).isEqualTo("GENERAL");
        assertThat(r.path("gradeLevel").asInt()).isEqualTo(4);
        assertThat(r.path("gradeLabel").asText()).isEqualTo("一般数据4级");
        assertThat(r.path("classification").asText()).isEqualTo("敏感个人信息");
        assertThat(r.path("gradeProposal").path("basis").get(0).asText())
                .startsWith("sensitive-personal-identity → 一般数据4级 [legal_person_id]");

        ObjectNode levelForCore = resource(market.clientId(), "legal_persons_2")
                .put("grade", "CORE")
                .put("gradeLevel", 2);
        Reply refused = client.post("/api/v1/catalog/resources", market.adminToken(), levelForCore);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("invalid-grade-level");
        assertThat(client.get("/api/v1/catalog/resources", market.adminToken()).expect(200))
                .hasSize(1);
    }

    @Test
    void badQueriesAndInvisibleZonesAreRefused() {
        Reply empty = client.get("/api/v1/catalog/search?q=", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(code(empty)).isEqualTo("empty-query");
        Reply tooLong = search("税".repeat(300), null);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(code(tooLong)).isEqualTo("query-too-long");
        assertThat(code(client.get("/api/v1/catalog/search?q=x&mode=magic", null)))
                .isEqualTo("invalid-query-parameter");
        assertThat(code(client.get("/api/v1/catalog/search?q=x&limit=1000", null)))
                .isEqualTo("invalid-limit");

        HttpCall.Response huge =
                HttpCall.get(node.url().resolve("/api/v1/catalog/search?q=" + "a".repeat(10 * 1024 * 1024)));
        assertThat(huge.status()).isBetween(400, 499);

        SpaceFixture.Organisation hospital = space.onboard("市第一人民医院");
        String restricted = client.post(
                        "/api/v1/catalog/zones",
                        space.sysadminToken(),
                        zone("medical-private", "医疗健康专区", hospital.participantId(), "RESTRICTED"))
                .expect(201)
                .path("id")
                .asText();
        SpaceFixture.Organisation outsider = space.onboard("外部企业");
        assertThat(client.get("/api/v1/catalog/zones/" + restricted, outsider.adminToken())
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/catalog/zones/" + restricted, hospital.adminToken())
                        .status())
                .isEqualTo(200);
        Reply filtered = client.get("/api/v1/catalog/search?q=影像&zone=" + restricted, outsider.adminToken());
        assertThat(filtered.status()).isEqualTo(404);
        assertThat(code(filtered)).isEqualTo("no-such-zone");
    }
}
