package city.tds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.policy.Action;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DspPoliciesTest {

    private final DspPolicies policies = new DspPolicies();

    private static final Policy OFFER = Policies.offer(
            "urn:tds:offer:tax-credit:1",
            "urn:tds:participant:tax-bureau",
            "urn:tds:product:tax-credit",
            Policies.permission(
                    Action.USE,
                    List.of(
                            Policies.purposeIs("tds:purpose/credit-risk"),
                            Policies.recipientIndustryIs("金融业"),
                            Policies.usesAtMost(1000),
                            Policies.usableUntil(Instant.parse("2026-12-31T16:00:00Z")),
                            Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.API)),
                    List.of(Policies.deleteWithin(Duration.ofDays(30)))));

    @Test
    void aWrittenOfferIsSchemaValidInsideAContractRequestAndReadsBackEqual() {
        ObjectNode offer = policies.write(OFFER);
        ObjectNode message = DspMessageReaderTest.exampleJson("contract-request-initial.json");
        message.set("offer", offer);

        assertThat(offer.has("@context")).isFalse();
        assertThat(offer.path("@id").asText()).isEqualTo("urn:tds:offer:tax-credit:1");
        assertThat(offer.toString())
                .contains("\"leftOperand\":\"https://tds.city/ns/policy#recipientIndustry\"")
                .contains("{\"@id\":\"https://tds.city/ns/policy#sandbox\"}")
                .contains("{\"@value\":\"1000\",\"@type\":\"xsd:integer\"}")
                .contains("\"rightOperand\":\"tds:purpose/credit-risk\"");
        assertThat(DspSchemas.bundled().violations(DspMessageType.CONTRACT_REQUEST, message))
                .isEmpty();

        Result<Policy> read = policies.read(offer);
        assertThat(read.isOk()).as(() -> read.problem().detail()).isTrue();
        assertThat(read.value()).isEqualTo(OFFER);
    }

    @Test
    void readsTheOfferOfAMessageWrittenByAnotherConnector() throws Exception {
        ObjectNode offer = (ObjectNode) DspMessageReaderTest.exampleJson("contract-request-initial.json")
                .get("offer");

        Policy policy = policies.read(offer).value();

        assertThat(policy.uid()).isEqualTo("urn:tds:offer:tax-credit:1");
        assertThat(policy.target()).isEqualTo("urn:tds:product:tax-credit");
        assertThat(policy.permissions()).hasSize(1);
        assertThat(policy.permissions().get(0).constraints()).hasSize(2);
    }

    @Test
    void aPolicyOutsideTheSubsetIsRefusedWithThePathOfTheConstruct() throws Exception {
        ObjectNode offer = (ObjectNode) new ObjectMapper().readTree("""
                        {"@id": "urn:x", "@type": "Offer", "target": "urn:t",
                         "permission": [{"action": "use", "constraint": [{"xone": []}]}]}
                        """);

        Result<Policy> read = policies.read(offer);

        assertThat(read.problem().code()).isEqualTo("policy-outside-subset");
        assertThat(read.problem().detail())
                .contains("/permission/0/constraint/0")
                .contains("xone");
    }
}
