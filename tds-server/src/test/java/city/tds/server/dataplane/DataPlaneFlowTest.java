package city.tds.server.dataplane;

import static city.tds.server.dataplane.DataPlaneCalls.await;
import static city.tds.server.dataplane.DataPlaneCalls.awaitTransfer;
import static city.tds.server.dataplane.DataPlaneCalls.call;
import static city.tds.server.dataplane.DataPlaneCalls.requestTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.protocol.ProcessRole;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.server.demo.CreditAnalysis;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCredit;
import city.tds.server.demo.DemoData;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.demo.SocialInsuranceDatabase;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.DemoWalk;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane over real HTTP between the demo's connectors: the bank negotiates for the tax bureau's dataset (a
 * file) and the social-security bureau's (a JDBC table), pulls them with the access token the start message carried,
 * holds encrypted copies whose checksums match the providers', reads them only for the agreed purpose and number of
 * times, and deletes them; tokens, sources and reads are refused with clear errors.
 */
class DataPlaneFlowTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDIT_RISK = "tds:purpose/credit-risk";
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();
    private static Demo demo;
    private static List<DemoOnboarding.Onboarded> onboarded;
    private static TdsNode tax;
    private static TdsNode social;
    private static TdsNode bank;
    private static String bankToken;
    private static String taxToken;
    private static String socialToken;
    private static String agreementId;
    private static String transferId;
    private static JsonNode copy;

    @BeforeAll
    static void start() {
        DemoWalk walk = DemoWalk.start(dir);
        demo = walk.demo();
        onboarded = walk.onboarded();
        DemoData.run(demo, onboarded, line -> {});
        tax = demo.node("tax-bureau").node();
        social = demo.node("social-security").node();
        bank = demo.node("bank").node();
        SpaceClient space = new SpaceClient(demo.nodes().get(0).node().url());
        bankToken = space.login("bank-admin", DemoOnboarding.PASSWORD);
        taxToken = space.login("tax-bureau-admin", DemoOnboarding.PASSWORD);
        socialToken = space.login("social-security-admin", DemoOnboarding.PASSWORD);

        agreementId = agree();
        transferId = requestTransfer(bank, bankToken, agreementId, "HttpData-PULL");
        awaitTransfer(bank, bankToken, transferId, "COMPLETED");
        copy = await(() -> copyOf(transferId), c -> c.path("state").asText().equals("COMPLETE"));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theBanksCopyIsWholeEncryptedAndMatchesWhatTheTaxBureauDelivered() throws Exception {
        assertThat(copy.path("records").asLong()).isEqualTo(3_000);
        assertThat(copy.path("digest").asText())
                .startsWith("sm3:")
                .isEqualTo(copy.path("providerDigest").asText());
        byte[] source = Files.readAllBytes(tax.config().node().dataDir().resolve("sources/tax/tax_firm_summary.csv"));
        assertThat(copy.path("bytes").asLong()).isEqualTo(source.length);
        Path stored = bank.config()
                .node()
                .dataDir()
                .resolve("copies")
                .resolve(copy.path("id").asText() + ".copy");
        assertThat(new String(Files.readAllBytes(stored), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the copy is stored encrypted")
                .doesNotContain("credit_code")
                .startsWith("TDSCOPY1");

        await(() -> eventTypes(tax), types -> types.containsAll(List.of("transfer.delivered", "transfer.completed")));
        await(() -> eventTypes(bank), types -> types.containsAll(List.of("copy.received", "transfer.completed")));
        JsonNode delivered = call(tax, "GET", "/api/v1/dataplane/usage?agreementId=" + agreementId, taxToken, null)
                .json();
        assertThat(delivered.findValuesAsText("kind")).contains("DELIVERED");
        OPENAPI.assertConforms("GET", "/api/v1/dataplane/usage", 200, delivered);
        OPENAPI.assertConforms(
                "GET",
                "/api/v1/dataplane/copies",
                200,
                call(bank, "GET", "/api/v1/dataplane/copies", bankToken, null).json());
        OPENAPI.assertConforms(
                "GET",
                "/api/v1/dataplane/sources",
                200,
                call(tax, "GET", "/api/v1/dataplane/sources", taxToken, null).json());
        assertThat(delivered.get(0).path("records").asLong()).isEqualTo(3_000);
    }

    @Test
    void theAccessTokenOpensOnlyItsTransferAndNotAfterTheTransferEnded() {
        TransferProcess atBank = bank.protocol()
                .orElseThrow()
                .joined()
                .orElseThrow()
                .transfers()
                .local(transferId)
                .orElseThrow();
        JsonNode address = read(atBank.dataAddress());
        String endpoint = address.path("endpoint").asText();
        String token = address.path("endpointProperties").get(0).path("value").asText();
        assertThat(token).startsWith("tds-edr-");

        await(() -> data(endpoint, token).json(), p -> p.path("type").asText().endsWith("edr-revoked"));
        HttpCall.Response revoked = data(endpoint, token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("detail").asText()).contains("COMPLETED");
        assertThat(data(endpoint, null).json().path("type").asText()).isEqualTo("urn:tds:problem:edr-missing");
        assertThat(data(endpoint, "tds-edr-guessed").json().path("type").asText())
                .isEqualTo("urn:tds:problem:edr-unknown");
        HttpCall.Response other = data(endpoint.substring(0, endpoint.lastIndexOf('/') + 1) + "urn:uuid:other", token);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("type").asText()).isEqualTo("urn:tds:problem:edr-wrong-transfer");
        assertThat(data(endpoint + "?offset=-5", token).status()).isEqualTo(400);
    }

    @Test
    void aCopyIsReadOnlyForTheAgreedPurposeAndAtMostThreeTimesThenDeleted() throws Exception {
        // a fresh transfer under the same agreement: its own copy and its own count
        JsonNode mine = pulled(agreementId);
        String reads = "/api/v1/dataplane/copies/" + mine.path("id").asText() + "/reads";

        HttpCall.Response noPurpose = call(bank, "POST", reads, bankToken, JSON.createObjectNode());
        assertThat(noPurpose.status()).isEqualTo(403);
        assertThat(noPurpose.json().path("type").asText()).isEqualTo("urn:tds:problem:usage-denied");
        assertThat(call(bank, "POST", reads, bankToken, JSON.createObjectNode().put("purpose", "tds:purpose/marketing"))
                        .status())
                .isEqualTo(403);
        for (int use = 1; use <= 3; use++) {
            HttpCall.Response read =
                    call(bank, "POST", reads, bankToken, JSON.createObjectNode().put("purpose", CREDIT_RISK));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.contentType()).startsWith("text/csv");
            assertThat(read.body()).startsWith("credit_code,name,district").hasLineCount(3_001);
        }
        HttpCall.Response fourth =
                call(bank, "POST", reads, bankToken, JSON.createObjectNode().put("purpose", CREDIT_RISK));
        assertThat(fourth.status()).isEqualTo(403);
        assertThat(fourth.json().path("detail").asText()).contains("count");
        assertThat(call(
                                bank,
                                "GET",
                                "/api/v1/dataplane/copies/" + mine.path("id").asText(),
                                bankToken,
                                null)
                        .json()
                        .path("uses")
                        .asLong())
                .isEqualTo(3);
        JsonNode usage = call(bank, "GET", "/api/v1/dataplane/usage?agreementId=" + agreementId, bankToken, null)
                .json();
        assertThat(usage.findValuesAsText("kind")).contains("RECEIVED", "READ");
        long readsHere =
                usage.findValuesAsText("kind").stream().filter("READ"::equals).count();
        assertThat(readsHere).isGreaterThanOrEqualTo(3);
        await(
                () -> call(tax, "GET", "/api/v1/dataplane/usage?agreementId=" + agreementId, taxToken, null)
                        .json()
                        .findValuesAsText("kind")
                        .stream()
                        .filter("REPORTED"::equals)
                        .count(),
                reported -> reported == readsHere);
        await(() -> eventTypes(tax), types -> types.contains("usage.reported"));

        HttpCall.Response deleted = call(
                bank,
                "POST",
                "/api/v1/dataplane/copies/" + mine.path("id").asText() + "/deletion",
                bankToken,
                JSON.createObjectNode().put("reason", "贷款审批完成"));
        assertThat(deleted.json().path("state").asText()).isEqualTo("DELETED");
        assertThat(bank.config()
                        .node()
                        .dataDir()
                        .resolve("copies")
                        .resolve(mine.path("id").asText() + ".copy"))
                .doesNotExist();
        HttpCall.Response after =
                call(bank, "POST", reads, bankToken, JSON.createObjectNode().put("purpose", CREDIT_RISK));
        assertThat(after.status()).isEqualTo(409);
        await(() -> eventTypes(bank), types -> types.containsAll(List.of("copy.used", "copy.deleted")));
    }

    @Test
    void sourcesAreRegisteredByAdministratorsWithClearErrors() {
        ObjectNode outside = JSON.createObjectNode()
                .put("name", "escape")
                .put("kind", "CSV_FILE")
                .put("location", "../../keys/node-key");
        HttpCall.Response refused = call(tax, "POST", "/api/v1/dataplane/sources", taxToken, outside);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:tds:problem:source-outside-root");
        HttpCall.Response malformed =
                HttpCall.send(HttpRequest.newBuilder(URI.create(tax.url() + "/api/v1/dataplane/sources"))
                        .header("Authorization", "Bearer " + taxToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")));
        assertThat(malformed.status()).isEqualTo(400);
        HttpCall.Response duplicate = call(
                tax,
                "POST",
                "/api/v1/dataplane/sources",
                taxToken,
                JSON.createObjectNode()
                        .put("name", DemoData.TAX_SOURCE)
                        .put("kind", "CSV_FILE")
                        .put("location", "tax/tax_firm_summary.csv"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(call(tax, "GET", "/api/v1/dataplane/sources", taxToken, null)
                        .json()
                        .findValuesAsText("name"))
                .containsExactly(DemoData.TAX_SOURCE);
        assertThat(call(tax, "POST", "/api/v1/dataplane/sources", bankToken, outside)
                        .status())
                .as("another participant's token is refused by this connector")
                .isEqualTo(403);
        assertThat(call(tax, "DELETE", "/api/v1/dataplane/sources/none", taxToken, null)
                        .status())
                .isEqualTo(404);
    }

    /** The bank negotiates for the tax bureau's dataset; the agreement's id once both sides finalized. */
    private static String agree() {
        return DemoCredit.agree(demo, bankToken, "tax-bureau", DemoData.TAX_PRODUCT, line -> {});
    }

    /** The bank pulls under {@code agreement}; its copy once COMPLETE. */
    private static JsonNode pulled(String agreement) {
        return DemoCredit.pull(demo, bankToken, agreement);
    }

    private static JsonNode copyOf(String transfer) {
        for (JsonNode c :
                call(bank, "GET", "/api/v1/dataplane/copies", bankToken, null).json()) {
            if (c.path("transferId").asText().equals(transfer)) {
                return c;
            }
        }
        return JSON.nullNode();
    }

    @Test
    void theDemoWalksTheCreditScenarioFromCatalogToDeletionWithBothBureausData() {
        List<String> steps = new java.util.ArrayList<>();
        DemoCredit.Walked walked = DemoCredit.run(demo, steps::add);

        assertThat(walked.tax().records()).isEqualTo(3_000);
        assertThat(walked.tax().uses()).isEqualTo(1);
        assertThat(walked.tax().finalState()).isEqualTo("DELETED");
        assertThat(String.join("\n", steps))
                .contains("usage-denied")
                .contains("copy-not-readable")
                .containsPattern("3000 firms, \\d+ rated A or B")
                .containsPattern("copy.deleted \\[\\d+]");

        long rows = SocialInsuranceDatabase.of(social).rows();
        assertThat(rows).isEqualTo((long) DemoData.MONTHS * DemoData.FIRMS);
        DemoCredit.Held held = walked.social();
        assertThat(held.records())
                .as("the bank's copy holds every row of the table")
                .isEqualTo(rows);
        assertThat(held.digest()).startsWith("sm3:").isEqualTo(held.providerDigest());
        assertThat(held.digest()).isNotEqualTo(walked.tax().digest());

        assertThat(walked.refusedStatus()).isEqualTo(403);
        assertThat(walked.refusedProblem()).isEqualTo("usage-denied");
        JsonNode copy = call(bank, "GET", "/api/v1/dataplane/copies/" + held.copyId(), bankToken, null)
                .json();
        assertThat(copy.path("uses").asLong())
                .as("the refused fourth read is not counted")
                .isEqualTo(3);
        assertThat(copy.path("state").asText()).isEqualTo("DELETED");
        assertThat(bank.config().node().dataDir().resolve("copies").resolve(held.copyId() + ".copy"))
                .doesNotExist();
        HttpCall.Response after = call(
                bank,
                "POST",
                "/api/v1/dataplane/copies/" + held.copyId() + "/reads",
                bankToken,
                JSON.createObjectNode().put("purpose", CREDIT_RISK));
        assertThat(after.status()).isEqualTo(409);

        CreditAnalysis.Whitelist w = walked.whitelist();
        assertThat(w.firms()).isEqualTo(DemoData.FIRMS);
        assertThat(w.ratedAOrB()).isLessThan(w.firms());
        assertThat(w.withoutArrears()).isLessThan(w.ratedAOrB());
        assertThat(w.whitelisted()).isPositive().isLessThan(w.withoutArrears());
        assertThat(String.join("\n", steps))
                .contains("use 1 of 3", "use 2 of 3", "use 3 of 3")
                .contains("read 4 is refused (403): usage-denied")
                .contains("the copy shows 3 uses")
                .contains(w.whitelisted() + " of those with a stable headcount")
                .containsPattern("36000 records, \\d+ bytes, into encrypted copy");
        assertThat(steps.stream().filter(step -> step.contains("copy.deleted [")))
                .hasSize(2);
    }

    @Test
    void theSocialSecurityBureauHoldsItsTableAsAJdbcSourceWhosePasswordIsNeverShown() {
        String password = SocialInsuranceDatabase.READER_PASSWORD;
        HttpCall.Response listed = call(social, "GET", "/api/v1/dataplane/sources", socialToken, null);
        OPENAPI.assertConforms("GET", "/api/v1/dataplane/sources", 200, listed.json());
        assertThat(listed.body()).doesNotContain(password);
        JsonNode source = listed.json().get(0);
        assertThat(listed.json()).hasSize(1);
        assertThat(source.path("name").asText()).isEqualTo(DemoData.SOCIAL_SOURCE);
        assertThat(source.path("kind").asText()).isEqualTo("JDBC_TABLE");
        assertThat(source.path("table").asText()).isEqualTo(SocialInsuranceDatabase.TABLE);
        assertThat(source.path("user").asText()).isEqualTo(SocialInsuranceDatabase.READER);
        assertThat(source.path("hasPassword").asBoolean()).isTrue();
        assertThat(source.path("location").asText()).startsWith("jdbc:h2:file:").doesNotContain(";");
        assertThat(source.has("password")).isFalse();

        ObjectNode again = JSON.createObjectNode()
                .put("name", "social-insurance-again")
                .put("kind", "JDBC_TABLE")
                .put("location", SocialInsuranceDatabase.of(social).connectorUrl())
                .put("table", SocialInsuranceDatabase.TABLE)
                .put("user", SocialInsuranceDatabase.READER)
                .put("password", password);
        HttpCall.Response registered = call(social, "POST", "/api/v1/dataplane/sources", socialToken, again);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain(password);
        assertThat(registered.json().path("hasPassword").asBoolean()).isTrue();
        byte[] sealed = social.database()
                .unitOfWork()
                .withHandle(h -> h.createQuery("SELECT sealed_secret FROM dp_source WHERE name = :name")
                        .bind("name", "social-insurance-again")
                        .mapTo(byte[].class)
                        .one());
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the password is sealed at rest")
                .doesNotContain(password);
        assertThat(call(social, "DELETE", "/api/v1/dataplane/sources/social-insurance-again", socialToken, null)
                        .status())
                .isEqualTo(204);

        HttpCall.Response wrong = call(
                social, "POST", "/api/v1/dataplane/sources", socialToken, again.put("password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("type").asText()).isEqualTo("urn:tds:problem:source-unreachable");
        assertThat(wrong.body()).doesNotContain("not-the-password");

        // the demo's data step runs again on the same data directory: it reuses the table and the source
        DemoData.run(demo, onboarded, line -> {});
        assertThat(SocialInsuranceDatabase.of(social).rows()).isEqualTo((long) DemoData.MONTHS * DemoData.FIRMS);
        assertThat(call(social, "GET", "/api/v1/dataplane/sources", socialToken, null)
                        .json()
                        .findValuesAsText("name"))
                .containsExactly(DemoData.SOCIAL_SOURCE);
    }

    @Test
    void endingTheAgreementDeletesTheBanksCopyAndNoTransferStartsUnderItAgain() {
        String agreement = agree();
        JsonNode held = pulled(agreement);
        String path = "/api/v1/contracts/agreements/" + agreement + "/termination";

        assertThat(call(tax, "POST", path, taxToken, JSON.createObjectNode()).status())
                .isEqualTo(400);
        HttpCall.Response ended =
                call(tax, "POST", path, taxToken, JSON.createObjectNode().put("reason", "授权运营协议到期，停止供数"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("terminatedAt").asText()).isNotEmpty();
        OPENAPI.assertConforms("POST", "/api/v1/contracts/agreements/{id}/termination", 200, ended.json());
        assertThat(call(tax, "POST", path, taxToken, JSON.createObjectNode().put("reason", "again"))
                        .json()
                        .path("type")
                        .asText())
                .isEqualTo("urn:tds:problem:agreement-terminated");

        JsonNode gone = await(
                () -> call(
                                bank,
                                "GET",
                                "/api/v1/dataplane/copies/" + held.path("id").asText(),
                                bankToken,
                                null)
                        .json(),
                c -> c.path("state").asText().equals("DELETED"));
        assertThat(gone.path("problem").asText()).contains("授权运营协议到期");
        assertThat(bank.config()
                        .node()
                        .dataDir()
                        .resolve("copies")
                        .resolve(held.path("id").asText() + ".copy"))
                .doesNotExist();
        JsonNode atBank = call(bank, "GET", "/api/v1/contracts/agreements/" + agreement, bankToken, null)
                .json();
        assertThat(atBank.path("terminatedBy").asText())
                .isEqualTo(tax.protocol()
                        .orElseThrow()
                        .joined()
                        .orElseThrow()
                        .session()
                        .membership()
                        .participantId());
        HttpCall.Response again = call(
                bank,
                "POST",
                "/api/v1/contracts/transfers",
                bankToken,
                JSON.createObjectNode().put("agreementId", agreement).put("format", "HttpData-PULL"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:tds:problem:dsp-agreement-terminated");
        await(() -> eventTypes(bank), types -> types.containsAll(List.of("agreement.terminated", "copy.deleted")));
        await(() -> eventTypes(tax), types -> types.contains("agreement.terminated"));
    }

    @Test
    void aPushArrivesWholeAndTheBanksDataEndpointOpensOnlyToItsTransfer() {
        String pushed = requestTransfer(bank, bankToken, agreementId, "HttpData-PUSH");

        awaitTransfer(bank, bankToken, pushed, "COMPLETED");
        JsonNode received = copyOf(pushed);
        assertThat(received.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(received.path("records").asLong()).isEqualTo(3_000);
        assertThat(received.path("digest").asText())
                .isEqualTo(received.path("providerDigest").asText())
                .isEqualTo(copy.path("digest").asText());

        TransferProcess atTax = tax
                .protocol()
                .orElseThrow()
                .joined()
                .orElseThrow()
                .transfers()
                .list(ProcessRole.PROVIDER, null, 100)
                .stream()
                .filter(t -> t.consumerPid().equals(pushed))
                .findFirst()
                .orElseThrow();
        JsonNode address = read(atTax.dataAddress());
        String endpoint = address.path("endpoint").asText();
        String token = address.path("endpointProperties").get(0).path("value").asText();
        assertThat(endpoint).isEqualTo(bank.url() + "/api/data/v1/incoming/" + pushed);

        await(() -> data(endpoint, token).json(), p -> p.path("type").asText().endsWith("edr-revoked"));
        assertThat(data(endpoint, null).status()).isEqualTo(401);
        HttpCall.Response other = HttpCall.send(
                HttpRequest.newBuilder(URI.create(bank.url() + "/api/data/v1/incoming/urn:uuid:other?offset=0"))
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString("credit_code\n")));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("type").asText()).isEqualTo("urn:tds:problem:edr-wrong-transfer");
        HttpCall.Response badOffset = HttpCall.send(HttpRequest.newBuilder(URI.create(endpoint + "?offset=x"))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("")));
        assertThat(badOffset.status()).isEqualTo(400);
        HttpCall.Response malformed = HttpCall.send(HttpRequest.newBuilder(URI.create(endpoint + "/checksum"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"digest\": ")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(copyOf(pushed).path("state").asText()).isEqualTo("COMPLETE");
        await(() -> eventTypes(bank), types -> types.contains("copy.received"));
    }

    private static HttpCall.Response data(String endpoint, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(endpoint)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpCall.send(request);
    }

    private static List<String> eventTypes(TdsNode node) {
        return node.database()
                .unitOfWork()
                .withHandle(h -> h.createQuery("SELECT event_type FROM evidence_leaf ORDER BY seq")
                        .mapTo(String.class)
                        .list());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
