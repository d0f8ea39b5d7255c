package city.tds.protocol.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.testkit.MutableClock;
import city.tds.policy.Action;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.DspSchemas;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import city.tds.protocol.negotiation.Offer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogEndpointsTest {

    private static final String TAX = "urn:tds:participant:tax-bureau";
    private static final Counterparty BANK = new Counterparty("urn:tds:participant:bank", "金融业", null, Set.of());
    private static final Counterparty SHOP = new Counterparty("urn:tds:participant:shop", "零售业", null, Set.of());

    private static final Policy BANKS_ONLY = Policies.offer(
            "urn:tds:offer:tax-credit:1",
            TAX,
            "urn:tds:product:tax-credit",
            Policies.permission(
                    Action.USE, Policies.purposeIs("tds:purpose/credit-risk"), Policies.recipientIndustryIs("金融业")));
    private static final Policy ANYONE = Policies.offer(
            "urn:tds:offer:tax-stats:1", TAX, "urn:tds:product:tax-stats", Policies.permission(Action.USE));

    private final DatasetDirectory directory = new DatasetDirectory() {
        private final List<DspDataset> all = List.of(
                new DspDataset(
                        "urn:tds:product:tax-credit",
                        "企业纳税信用数据",
                        "小微企业纳税信用等级与缴税记录",
                        List.of("纳税", "信用"),
                        List.of(Offer.of(BANKS_ONLY.uid(), "urn:tds:product:tax-credit", TAX, BANKS_ONLY)),
                        List.of()),
                new DspDataset(
                        "urn:tds:product:tax-stats",
                        "分行业税收统计",
                        null,
                        List.of(),
                        List.of(Offer.of(ANYONE.uid(), "urn:tds:product:tax-stats", TAX, ANYONE)),
                        List.of("HttpData-PULL", "HttpData-PUSH")));

        @Override
        public List<DspDataset> datasets() {
            return all;
        }

        @Override
        public Optional<DspDataset> find(String id) {
            return all.stream().filter(d -> d.id().equals(id)).findFirst();
        }
    };

    private final CatalogEndpoints endpoints = new CatalogEndpoints(
            directory,
            new DspMessageReader(new ObjectMapper()),
            MutableClock.startingAt("2026-12-01T08:00:00Z"),
            TAX,
            "https://tax.example/api/dsp/2025-1/");

    private static byte[] catalogRequest() {
        return DspMessages.message(DspMessageType.CATALOG_REQUEST).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBankSeesBothDatasetsWithTheirOffersAndTheCatalogIsSchemaValid() {
        DspResponse response = endpoints.handle("POST", "/catalog/request", BANK, catalogRequest());

        assertThat(response.status()).isEqualTo(200);
        ObjectNode catalog = response.body();
        assertThat(DspSchemas.bundled().violations(DspMessageType.CATALOG, catalog))
                .isEmpty();
        assertThat(catalog.path("participantId").asText()).isEqualTo(TAX);
        assertThat(catalog.path("service").get(0).path("endpointURL").asText())
                .isEqualTo("https://tax.example/api/dsp/2025-1");
        JsonNode datasets = catalog.path("dataset");
        assertThat(datasets).hasSize(2);
        JsonNode credit = datasets.get(0);
        assertThat(credit.path("@id").asText()).isEqualTo("urn:tds:product:tax-credit");
        assertThat(credit.path("dct:title").asText()).isEqualTo("企业纳税信用数据");
        assertThat(credit.path("hasPolicy").get(0).path("@id").asText()).isEqualTo(BANKS_ONLY.uid());
        assertThat(credit.path("hasPolicy").get(0).has("target")).isFalse();
        assertThat(datasets.get(1).path("distribution")).hasSize(2);
    }

    @Test
    void aRetailerDoesNotSeeTheBankOnlyDatasetNorCanItFetchIt() {
        DspResponse catalog = endpoints.handle("POST", "/catalog/request", SHOP, catalogRequest());
        DspResponse hidden = endpoints.handle("GET", "/catalog/datasets/urn:tds:product:tax-credit", SHOP, new byte[0]);
        DspResponse shown = endpoints.handle("GET", "/catalog/datasets/urn:tds:product:tax-stats", SHOP, new byte[0]);

        assertThat(catalog.body().path("dataset")).hasSize(1);
        assertThat(catalog.body().path("dataset").get(0).path("@id").asText()).isEqualTo("urn:tds:product:tax-stats");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().path("@type").asText()).isEqualTo("CatalogError");
        assertThat(hidden.body().path("code").asText()).isEqualTo("dsp-unknown-dataset");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(DspSchemas.bundled().violations(DspMessageType.DATASET, shown.body()))
                .isEmpty();
    }

    @Test
    void anOfferFromTheCatalogWithItsTargetAddedIsAValidRequestOffer() {
        ObjectNode dataset = endpoints
                .handle("GET", "/catalog/datasets/urn:tds:product:tax-credit", BANK, new byte[0])
                .body();
        ObjectNode offer = ((ObjectNode) dataset.path("hasPolicy").get(0)).deepCopy();
        offer.put("target", dataset.path("@id").asText());
        ObjectNode request = DspMessages.contractRequest("urn:uuid:c1", null, offer, "https://bank.example/dsp");

        assertThat(DspSchemas.bundled().violations(DspMessageType.CONTRACT_REQUEST, request))
                .isEmpty();
        assertThat(new DspPolicies().read(offer).value().permissions()).isEqualTo(BANKS_ONLY.permissions());
    }

    @Test
    void aBadRequestIsACatalogError() {
        DspResponse response = endpoints.handle(
                "POST",
                "/catalog/request",
                BANK,
                "{\"@type\": \"CatalogRequestMessage\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asText()).isEqualTo("dsp-wrong-context");
        assertThat(endpoints
                        .handle("GET", "/catalog/nothing", BANK, new byte[0])
                        .status())
                .isEqualTo(404);
    }
}
