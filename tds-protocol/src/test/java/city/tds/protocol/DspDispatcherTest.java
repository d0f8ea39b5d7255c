package city.tds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.protocol.catalog.CatalogEndpoints;
import city.tds.protocol.catalog.DatasetDirectory;
import city.tds.protocol.catalog.DspDataset;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DspDispatcherTest {

    private static final Counterparty BANK = new Counterparty("p-bank", "金融业", "企业法人", Set.of("consumer"));

    private final DatasetDirectory none = new DatasetDirectory() {
        @Override
        public List<DspDataset> datasets() {
            return List.of();
        }

        @Override
        public Optional<DspDataset> find(String id) {
            return Optional.empty();
        }
    };

    @Test
    void aRefusalCarriesTheErrorBodyOfTheProtocolAsked() {
        Problem unauthenticated = new Problem(ProblemKind.UNAUTHENTICATED, "dsp-token-missing", "no presentation");

        DspResponse catalog = DspDispatcher.refusal("/catalog/request", unauthenticated);
        DspResponse negotiation = DspDispatcher.refusal("/negotiations/urn:uuid:1/events", unauthenticated);
        DspResponse transfer = DspDispatcher.refusal("transfers/request", unauthenticated);

        assertThat(catalog.status()).isEqualTo(401);
        assertThat(catalog.body().path("@type").asText()).isEqualTo("CatalogError");
        assertThat(negotiation.body().path("@type").asText()).isEqualTo("ContractNegotiationError");
        assertThat(transfer.body().path("@type").asText()).isEqualTo("TransferError");
        assertThat(transfer.body().path("code").asText()).isEqualTo("dsp-token-missing");
        assertThat(transfer.body().path("reason").get(0).asText()).isEqualTo("no presentation");
        assertThat(DspSchemas.bundled().violations(DspMessageType.CONTRACT_NEGOTIATION_ERROR, negotiation.body()))
                .isEmpty();
    }

    @Test
    void eachPathGoesToItsProtocol() {
        DspMessageReader reader = new DspMessageReader(new com.fasterxml.jackson.databind.ObjectMapper());
        DspDispatcher dispatcher = new DspDispatcher(
                new CatalogEndpoints(none, reader, Clock.systemUTC(), "p-tax", "https://tax.test/api/dsp/2025-1"),
                (method, path, from, body) -> new DspResponse(299, null),
                (method, path, from, body) -> new DspResponse(298, null));

        DspResponse dataset = dispatcher.handle("GET", "/catalog/datasets/urn:tds:product:missing", BANK, new byte[0]);

        assertThat(dataset.status()).isEqualTo(404);
        assertThat(dataset.body().path("@type").asText()).isEqualTo("CatalogError");
        assertThat(dispatcher
                        .handle("POST", "/negotiations/request", BANK, new byte[0])
                        .status())
                .isEqualTo(299);
        assertThat(dispatcher
                        .handle("GET", "/transfers/urn:uuid:2", BANK, new byte[0])
                        .status())
                .isEqualTo(298);
    }
}
