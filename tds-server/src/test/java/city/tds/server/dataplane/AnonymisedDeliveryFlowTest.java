package city.tds.server.dataplane;

import static city.tds.server.dataplane.DataPlaneCalls.await;
import static city.tds.server.dataplane.DataPlaneCalls.awaitTransfer;
import static city.tds.server.dataplane.DataPlaneCalls.call;
import static city.tds.server.dataplane.DataPlaneCalls.requestTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoCredit;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.governance.IdNumbers;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.DemoWalk;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.ProductPublishing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anonymisation before delivery and source scans, over HTTP between the demo's connectors. The tax bureau holds a
 * register of legal representatives (names, resident ID numbers, mobiles, capital) as two sources of the same file:
 * one with a masking profile ({@code fpe-id} on the ID numbers), one without. Three products: the masked source under
 * a policy with an {@code anonymize} duty, the same source without the duty, and the unmasked source with the duty.
 */
class AnonymisedDeliveryFlowTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDIT_RISK = "tds:purpose/credit-risk";
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();
    private static final String MASKED = "tax-representatives";
    private static final String PLAIN = "tax-representatives-plain";
    private static final String ANONYMISED_PRODUCT = "法定代表人登记（脱敏交付）";
    private static final String RAW_PRODUCT = "法定代表人登记（原样交付）";
    private static final String UNMASKABLE_PRODUCT = "法定代表人登记（无脱敏配置）";
    private static final String PROFILE = "suite: GM\ncolumns:\n  身份证号: {algorithm: fpe-id, key: default}\n";
    private static final int ROWS = 400;

    private static Demo demo;
    private static TdsNode tax;
    private static TdsNode bank;
    private static String bankToken;
    private static String taxToken;
    private static String register;

    @BeforeAll
    static void start() throws IOException {
        demo = DemoWalk.start(dir).demo();
        tax = demo.node("tax-bureau").node();
        bank = demo.node("bank").node();
        SpaceClient space = new SpaceClient(demo.nodes().get(0).node().url());
        bankToken = space.login("bank-admin", DemoOnboarding.PASSWORD);
        taxToken = space.login("tax-bureau-admin", DemoOnboarding.PASSWORD);
        String reviewer = space.login("demo-listing-reviewer", DemoOnboarding.PASSWORD);

        register = register(ROWS);
        Path sources = tax.config().node().dataDir().resolve("sources").resolve("tax");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("representatives.csv"), register, StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("ragged.csv"), "a,b\n1,2\n3\n", StandardCharsets.UTF_8);
        Files.writeString(
                sources.resolve("lines.jsonl"),
                "{\"证件号\": \"" + IdNumbers.idNumber(0) + "\", \"金额\": 1}\n{\"证件号\": \"" + IdNumbers.idNumber(1)
                        + "\", \"金额\": 2.5}\n",
                StandardCharsets.UTF_8);
        assertThat(source(MASKED, "tax/representatives.csv", PROFILE).status()).isEqualTo(201);
        assertThat(source(PLAIN, "tax/representatives.csv", null).status()).isEqualTo(201);
        assertThat(source("ragged", "tax/ragged.csv", null).status()).isEqualTo(201);
        assertThat(new SourceCall("lines", "tax/lines.jsonl", null)
                        .kind("JSON_LINES_FILE")
                        .status())
                .isEqualTo(201);

        String maskedResource = resource(space, MASKED, "法定代表人登记（可脱敏）");
        publish(space, reviewer, maskedResource, ANONYMISED_PRODUCT, true);
        publish(space, reviewer, maskedResource, RAW_PRODUCT, false);
        publish(space, reviewer, resource(space, PLAIN, "法定代表人登记"), UNMASKABLE_PRODUCT, true);
        DataPlaneCalls.awaitOffered(bank, bankToken, tax, List.of(ANONYMISED_PRODUCT, RAW_PRODUCT, UNMASKABLE_PRODUCT));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aSourceIsRegisteredWithAMaskingProfileThatFitsItsHeader() {
        HttpCall.Response sources = call(tax, "GET", "/api/v1/dataplane/sources", taxToken, null);
        OPENAPI.assertConforms("GET", "/api/v1/dataplane/sources", 200, sources.json());
        JsonNode masked = null;
        for (JsonNode s : sources.json()) {
            if (s.path("name").asText().equals(MASKED)) {
                masked = s;
            }
        }
        assertThat(masked).isNotNull();
        assertThat(masked.path("maskingProfile").asText()).isEqualTo(PROFILE);
        assertThat(masked.path("maskedColumns").get(0).asText()).isEqualTo("身份证号");

        HttpCall.Response unknown = source("unknown-column", "tax/representatives.csv", "columns:\n  邮箱: suppress\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:tds:problem:unknown-masking-column");
        assertThat(unknown.json().path("detail").asText()).contains("邮箱");

        HttpCall.Response algorithm =
                source("bad-algorithm", "tax/representatives.csv", "columns:\n  手机号: {algorithm: scramble}\n");
        assertThat(algorithm.status()).isEqualTo(400);
        assertThat(algorithm.json().path("type").asText()).isEqualTo("urn:tds:problem:invalid-masking-profile");
        assertThat(algorithm.json().path("detail").asText()).contains("columns.手机号");

        assertThat(call(tax, "GET", "/api/v1/dataplane/sources", taxToken, null)
                        .json()
                        .findValuesAsText("name"))
                .as("nothing stored for a refused profile")
                .doesNotContain("unknown-column", "bad-algorithm");
    }

    @Test
    void underAnAnonymizeDutyTheBankReceivesMaskedIdNumbersThatStillPassTheirCheck() throws IOException {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", ANONYMISED_PRODUCT, line -> {});
        String data = pullAndRead(agreement);

        String[] sent = register.split("\n");
        String[] got = data.split("\n");
        assertThat(got).hasSameSizeAs(sent);
        assertThat(got[0]).isEqualTo(sent[0]);
        for (int i = 1; i < sent.length; i++) {
            String[] original = sent[i].split(",");
            String[] masked = got[i].split(",");
            assertThat(masked[1]).isNotEqualTo(original[1]);
            assertThat(IdNumbers.valid(masked[1])).as(masked[1]).isTrue();
            assertThat(masked[0]).isEqualTo(original[0]);
            assertThat(masked[2]).isEqualTo(original[2]);
            assertThat(masked[3]).isEqualTo(original[3]);
        }
        assertThat(await(() -> evidence("transfer.delivered", "agreement:" + agreement), n -> n == 1))
                .isEqualTo(1);
    }

    @Test
    void withoutTheDutyTheSameSourceIsDeliveredAsItIs() throws IOException {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", RAW_PRODUCT, line -> {});

        assertThat(pullAndRead(agreement)).isEqualTo(register);
    }

    @Test
    void underTheDutyASourceWithoutAProfileIsNeverDelivered() {
        String agreement = DemoCredit.agree(demo, bankToken, "tax-bureau", UNMASKABLE_PRODUCT, line -> {});
        String id = requestTransfer(bank, bankToken, agreement, "HttpData-PULL");

        JsonNode ended = awaitTransfer(bank, bankToken, id, "TERMINATED");

        assertThat(ended.path("reason").asText())
                .contains("anonymize-without-profile")
                .contains(PLAIN);
    }

    @Test
    void aSourceIsScannedOnItsConnector() {
        HttpCall.Response scanned = scan(MASKED, null);
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        OPENAPI.assertConforms("POST", "/api/v1/dataplane/sources/{name}/scan", 200, scanned.json());
        assertThat(scanned.json().path("rows").asLong()).isEqualTo(ROWS);
        assertThat(scanned.json().path("truncated").asBoolean()).isFalse();
        assertThat(scanned.json().path("proposedMasking").asText()).contains("身份证号");
        assertThat(scanned.body()).doesNotContain(IdNumbers.idNumber(0)).doesNotContain(IdNumbers.idNumber(1));

        HttpCall.Response limited = scan(MASKED, JSON.createObjectNode().put("maxRows", 10));
        assertThat(limited.json().path("rows").asLong()).isEqualTo(10);
        assertThat(limited.json().path("truncated").asBoolean()).isTrue();

        HttpCall.Response rules =
                scan(MASKED, JSON.createObjectNode().put("rules", "rules:\n  - {rule: not-null, column: 注册资本}\n"));
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        assertThat(rules.json().path("quality").isObject()).isTrue();

        HttpCall.Response badRules = scan(MASKED, JSON.createObjectNode().put("rules", "rules: [1"));
        assertThat(badRules.status()).isEqualTo(400);
        assertThat(scan(MASKED, JSON.createObjectNode().put("maxRows", 0)).status())
                .isEqualTo(400);
        assertThat(scan("none", null).status()).isEqualTo(404);
        HttpCall.Response lines = scan("lines", null);
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
        assertThat(lines.json().path("rows").asLong()).isEqualTo(2);
        assertThat(lines.json()
                        .path("columns")
                        .get(0)
                        .path("findings")
                        .get(0)
                        .path("kind")
                        .asText())
                .isEqualTo("RESIDENT_ID");
        assertThat(lines.body()).doesNotContain(IdNumbers.idNumber(0));
        HttpCall.Response ragged = scan("ragged", null);
        assertThat(ragged.status()).isEqualTo(400);
        assertThat(ragged.json().path("type").asText()).isEqualTo("urn:tds:problem:csv-ragged-row");
        assertThat(ragged.json().path("detail").asText()).contains("line 3");
        assertThat(call(tax, "POST", "/api/v1/dataplane/sources/" + MASKED + "/scan", bankToken, null)
                        .status())
                .isEqualTo(403);

        assertThat(await(() -> evidence("source.scanned", "source:" + MASKED), n -> n >= 3))
                .as("each scan recorded")
                .isGreaterThanOrEqualTo(3);
    }

    // the set-up

    private static HttpCall.Response source(String name, String location, String profile) {
        return new SourceCall(name, location, profile).kind("CSV_FILE");
    }

    private record SourceCall(String name, String location, String profile) {
        HttpCall.Response kind(String kind) {
            ObjectNode body =
                    JSON.createObjectNode().put("name", name).put("kind", kind).put("location", location);
            if (profile != null) {
                body.put("maskingProfile", profile);
            }
            return call(tax, "POST", "/api/v1/dataplane/sources", taxToken, body);
        }
    }

    private static HttpCall.Response scan(String source, ObjectNode body) {
        return call(tax, "POST", "/api/v1/dataplane/sources/" + source + "/scan", taxToken, body);
    }

    private static String register(int rows) {
        StringBuilder out = new StringBuilder("法定代表人,身份证号,手机号,注册资本\n");
        String[] names = {"张伟", "王芳", "李娜", "刘洋"};
        for (int i = 0; i < rows; i++) {
            out.append(names[i % 4])
                    .append(',')
                    .append(IdNumbers.idNumber(i))
                    .append(",1391234")
                    .append(String.format("%04d", i))
                    .append(',')
                    .append(100 + i)
                    .append('\n');
        }
        return out.toString();
    }

    /** Registers source {@code sourceId} of the tax bureau's connector as a resource in the space's catalog. */
    private static String resource(SpaceClient space, String sourceId, String name) {
        String clientId = tax.protocol()
                .orElseThrow()
                .joined()
                .orElseThrow()
                .session()
                .membership()
                .clientId();
        ObjectNode resource = JSON.createObjectNode()
                .put("title", name + "（资源）")
                .put("description", "市场监管登记的法定代表人：" + name)
                .put("sourceKind", "AUTHORIZED_OPERATION")
                .put("connectorId", clientId)
                .put("sourceId", sourceId)
                .put("department", "市税务局征管科技处")
                .put("updateFrequency", "MONTHLY")
                .put("recordCount", ROWS)
                .put("coverageFrom", "2021-01-01")
                .put("coverageTo", "2026-10-31")
                .put("classification", "经济/税务")
                .put("grade", "GENERAL");
        resource.putArray("fields")
                .addObject()
                .put("name", "身份证号")
                .put("type", "string")
                .put("description", "法定代表人身份证号");
        return space.post("/api/v1/catalog/resources", taxToken, resource)
                .expect(201)
                .path("id")
                .asText();
    }

    /** Lists a dataset of {@code resourceId}, for credit risk by file transfer, with or without the duty. */
    private static void publish(SpaceClient space, String reviewer, String resourceId, String name, boolean anonymise) {
        ObjectNode product = JSON.createObjectNode()
                .put("name", name)
                .put("description", "法定代表人登记数据，限信贷风控用途，文件交付。")
                .put("industry", "金融业")
                .put("type", "DATASET")
                .put("publicData", true);
        product.putArray("keywords").add("法定代表人");
        product.putArray("resourceIds").add(resourceId);
        product.putArray("deliveryModes").add("FILE_TRANSFER");
        ObjectNode policy = DemoCatalog.creditRiskPolicy(constraints -> constraints
                .addObject()
                .put("leftOperand", "deliveryChannel")
                .put("operator", "eq")
                .put("rightOperand", "tds:fileTransfer"));
        product.set("policy", anonymise ? ProductPublishing.anonymising(policy) : policy);
        ProductPublishing.list(space, taxToken, reviewer, product);
    }

    // the bank's side

    /** The bank pulls under {@code agreement} and reads its copy once for credit risk. */
    private static String pullAndRead(String agreement) throws IOException {
        JsonNode copy = DemoCredit.pull(demo, bankToken, agreement);
        assertThat(copy.path("state").asText()).isEqualTo("COMPLETE");
        HttpCall.Response read = call(
                bank,
                "POST",
                "/api/v1/dataplane/copies/" + copy.path("id").asText() + "/reads",
                bankToken,
                JSON.createObjectNode().put("purpose", CREDIT_RISK));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.body();
    }

    /** How many evidence records of {@code type} name {@code subject} (the log appends them as it catches up). */
    private static int evidence(String type, String subject) {
        return tax.database()
                .unitOfWork()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM evidence_leaf l JOIN evidence_subject s ON s.seq"
                                + " = l.seq WHERE l.event_type = :type AND s.subject = :subject")
                        .bind("type", type)
                        .bind("subject", subject)
                        .mapTo(Integer.class)
                        .one());
    }
}
