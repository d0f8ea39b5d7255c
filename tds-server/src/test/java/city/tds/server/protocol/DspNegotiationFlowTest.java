package city.tds.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.protocol.NegotiationState;
import city.tds.protocol.TransferState;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import city.tds.server.testkit.DemoWalk;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's space and connectors over real HTTP: the bank reads the tax bureau's catalog over DSP, negotiates for
 * its product, and both connectors end with the same agreement; calls without a valid presentation are refused.
 */
class DspNegotiationFlowTest {

    @TempDir
    static Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Demo demo;
    private static DemoContract.Agreed agreed;
    private static String taxAddress;

    @BeforeAll
    static void start() {
        DemoWalk walk = DemoWalk.start(dir);
        demo = walk.demo();
        agreed = walk.agreed();
        taxAddress = demo.nodes().get(1).node().protocol().orElseThrow().selfAddress();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theBankFindsTheTaxProductOverDspAndBothConnectorsHoldTheAgreement() {
        assertThat(agreed.bankState()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(agreed.taxState()).isEqualTo(NegotiationState.FINALIZED);
        assertThat(agreed.agreementId()).startsWith("urn:tds:agreement:");
        assertThat(agreed.bankEvidence()).hasSize(2);
        assertThat(agreed.taxEvidence()).hasSize(2);
        ProtocolAssembly.Joined bank =
                demo.nodes().get(3).node().protocol().orElseThrow().joined().orElseThrow();
        ContractNegotiation atBank = bank.consumer().list(null, 10).get(0);
        assertThat(atBank.providerPid()).isEqualTo(agreed.providerPid());
        assertThat(bank.consumer().list(NegotiationState.FINALIZED, 10)).hasSize(1);
        assertThat(agreed.bankTransfer()).isEqualTo(TransferState.STARTED);
        assertThat(agreed.taxTransfer()).isEqualTo(TransferState.STARTED);
    }

    @Test
    void callsWithoutAValidPresentationAreRefusedWithADspError() {
        URI request = URI.create(taxAddress + "/catalog/request");
        HttpCall.Response none = HttpCall.send(HttpRequest.newBuilder(request)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpCall.Response forged = HttpCall.send(HttpRequest.newBuilder(request)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer a.b.c")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpCall.Response version =
                HttpCall.get(demo.nodes().get(1).node().url().resolve("/.well-known/dspace-version"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("@type").asText()).isEqualTo("CatalogError");
        assertThat(none.json().path("code").asText()).isEqualTo("dsp-token-missing");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asText()).isEqualTo("dsp-token-malformed");
        assertThat(version.json()
                        .path("protocolVersions")
                        .get(0)
                        .path("version")
                        .asText())
                .isEqualTo("2025-1");
    }

    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();

    private static SpaceClient.Reply call(String method, String path, String token, JsonNode body) {
        SpaceClient bankConnector = new SpaceClient(demo.nodes().get(3).node().url());
        return switch (method) {
            case "GET" -> bankConnector.get(path, token);
            default -> bankConnector.post(path, token, body);
        };
    }

    private static String login(String username) {
        return new SpaceClient(demo.nodes().get(0).node().url()).login(username, DemoOnboarding.PASSWORD);
    }

    @Test
    void theBanksPeopleNegotiateThroughTheirConnectorsManagementApi() {
        String token = login("bank-admin");
        ObjectNode ask = JSON.createObjectNode().put("providerUrl", taxAddress);
        SpaceClient.Reply catalog = call("POST", "/api/v1/contracts/catalog-requests", token, ask);
        assertThat(catalog.status()).isEqualTo(200);
        JsonNode dataset = catalog.body().path("dataset").get(0);
        ObjectNode start = JSON.createObjectNode()
                .put("providerId", catalog.body().path("participantId").asText())
                .put("providerUrl", taxAddress)
                .put("datasetId", dataset.path("@id").asText());
        start.set("offer", dataset.path("hasPolicy").get(0));

        SpaceClient.Reply started = call("POST", "/api/v1/contracts/negotiations", token, start);
        assertThat(started.status()).isEqualTo(201);
        OPENAPI.assertConforms("POST", "/api/v1/contracts/negotiations", 201, started.body());
        String id = started.body().path("id").asText();
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode now = started.body();
        while (!now.path("state").asText().equals("FINALIZED") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            now = call("GET", "/api/v1/contracts/negotiations/" + id, token, null)
                    .body();
        }
        assertThat(now.path("state").asText()).isEqualTo("FINALIZED");
        OPENAPI.assertConforms("GET", "/api/v1/contracts/negotiations/{id}", 200, now);
        SpaceClient.Reply agreements = call("GET", "/api/v1/contracts/agreements", token, null);
        OPENAPI.assertConforms("GET", "/api/v1/contracts/agreements", 200, agreements.body());
        assertThat(agreements.body().findValuesAsText("id"))
                .contains(now.path("agreementId").asText());

        ObjectNode ask2 = JSON.createObjectNode()
                .put("agreementId", now.path("agreementId").asText())
                .put("format", "HttpData-PULL");
        SpaceClient.Reply pull = call("POST", "/api/v1/contracts/transfers", token, ask2);
        assertThat(pull.status()).isEqualTo(201);
        OPENAPI.assertConforms("POST", "/api/v1/contracts/transfers", 201, pull.body());
        String transferId = pull.body().path("id").asText();
        Instant until = Instant.now().plusSeconds(20);
        JsonNode transfer = pull.body();
        while (transfer.path("state").asText().equals("REQUESTED")
                && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
            transfer = call("GET", "/api/v1/contracts/transfers/" + transferId, token, null)
                    .body();
        }
        assertThat(transfer.path("state").asText())
                .as("the demo's policy admits the sandbox and privacy computing, not file transfer")
                .isEqualTo("TERMINATED");
        assertThat(transfer.path("reason").asText()).contains("dsp-policy-denied");
        assertThat(call(
                                "POST",
                                "/api/v1/contracts/transfers",
                                token,
                                JSON.createObjectNode().put("agreementId", "x").put("format", "FTP"))
                        .body()
                        .path("type")
                        .asText())
                .isEqualTo("urn:tds:problem:dsp-unknown-format");

        SpaceClient.Reply late = call(
                "POST",
                "/api/v1/contracts/negotiations/" + id + "/termination",
                token,
                JSON.createObjectNode().put("reason", "changed our mind"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("type").asText()).isEqualTo("urn:tds:problem:dsp-illegal-transition");
    }

    @Test
    void theContractsApiRefusesBadInputStrangersAndMissingTokens() {
        String token = login("bank-admin");
        ObjectNode noOffer = JSON.createObjectNode().put("providerId", "p").put("providerUrl", taxAddress);

        assertThat(call("POST", "/api/v1/contracts/negotiations", token, noOffer)
                        .body()
                        .path("type")
                        .asText())
                .isEqualTo("urn:tds:problem:missing-offer");
        assertThat(call(
                                "POST",
                                "/api/v1/contracts/catalog-requests",
                                token,
                                JSON.createObjectNode().put("providerUrl", "ftp://x"))
                        .status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/contracts/negotiations/urn:uuid:nothing", token, null)
                        .status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/contracts/agreements", null, null).status())
                .isEqualTo(401);
        SpaceClient.Reply stranger = call("GET", "/api/v1/contracts/agreements", login("tax-bureau-admin"), null);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().path("type").asText()).isEqualTo("urn:tds:problem:participant-refused");
        assertThat(call("GET", "/api/v1/contracts/negotiations?state=BOGUS", token, null)
                        .status())
                .isEqualTo(400);
    }
}
