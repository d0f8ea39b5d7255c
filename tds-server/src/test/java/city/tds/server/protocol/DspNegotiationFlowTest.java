package city.tds.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.TestNodes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

    private static Demo demo;
    private static DemoContract.Agreed agreed;
    private static String taxAddress;

    @BeforeAll
    static void start() {
        demo = Demo.start(dir, 0, SuiteId.GM, "demo-passphrase".toCharArray(), Clock.systemUTC(), TestNodes.CHEAP_KDF);
        List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, line -> {});
        DemoCatalog.run(demo, onboarded, line -> {});
        agreed = DemoContract.run(demo, onboarded, line -> {});
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
}
