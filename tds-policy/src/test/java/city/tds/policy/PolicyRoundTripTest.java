package city.tds.policy;

import static city.tds.policy.PolicyJson.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRoundTripTest {

    @Test
    void theSeedExampleReadsToTheExpectedModel() {
        Policy policy = PolicyJson.read(PolicyJson.resource("credit-risk-offer.jsonld"));

        assertThat(policy).isEqualTo(PolicyJson.creditRiskOffer());
        assertThat(policy.type()).isEqualTo(PolicyType.OFFER);
        assertThat(policy.assignee()).isNull();
        assertThat(policy.permittedDeliveryModes())
                .containsExactly(DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING);
        assertThat(policy.constrains(LeftOperand.PURPOSE)).isTrue();
        assertThat(policy.constrains(LeftOperand.PAY_AMOUNT)).isTrue();
        assertThat(policy.constrains(LeftOperand.SPATIAL)).isFalse();
    }

    @Test
    void fullIrisAndPrefixedTermsReadEqualToCompactTerms() {
        Policy compact = PolicyJson.read(PolicyJson.resource("credit-risk-offer.jsonld"));
        Policy expanded = PolicyJson.read(PolicyJson.resource("credit-risk-offer-iris.jsonld"));

        assertThat(expanded).isEqualTo(compact);
    }

    @Test
    void writingThenReadingGivesTheSamePolicy() {
        Policy policy = PolicyJson.creditRiskOffer();

        assertThat(PolicyJson.read(WRITER.toJson(policy))).isEqualTo(policy);
        assertThat(PolicyJson.READER.read(WRITER.write(policy)).value()).isEqualTo(policy);
    }

    @Test
    void aRichPolicyWithEveryValueTypeRoundTrips() {
        Rule permission = Policies.permission(
                Action.READ,
                List.of(
                        Constraint.or(
                                Policies.recipientIs("urn:tds:participant:bank-a", "urn:tds:participant:bank-b"),
                                Constraint.and(
                                        Policies.recipientOrganizationTypeIs("ENTERPRISE"),
                                        Policies.recipientRoleIs("CONSUMER"))),
                        Policies.usableFrom(Instant.parse("2026-01-01T00:00:00Z")),
                        Policies.usableUntil(Instant.parse("2026-12-31T15:59:59.5Z")),
                        Policies.usedWithin("330100", "330200"),
                        Constraint.of(LeftOperand.SPATIAL, Operator.IS_NONE_OF, RightOperand.regions("330106")),
                        Policies.inZone("zone-finance"),
                        Constraint.of(
                                LeftOperand.DELIVERY_CHANNEL,
                                Operator.IS_NONE_OF,
                                RightOperand.deliveryModes(DeliveryMode.FILE_TRANSFER)),
                        Constraint.of(LeftOperand.PURPOSE, Operator.NEQ, RightOperand.text("marketing")),
                        Constraint.of(
                                LeftOperand.ELAPSED_TIME,
                                Operator.LT,
                                RightOperand.duration(
                                        Duration.ofDays(1).plusHours(2).plusMillis(500)))),
                List.of(
                        Policies.duty(Action.ATTRIBUTE),
                        Duty.of(
                                Action.COMPENSATE,
                                new AtomicConstraint(
                                        LeftOperand.PAY_AMOUNT,
                                        Operator.LTEQ,
                                        RightOperand.decimal(new BigDecimal("1200.00")),
                                        "http://dbpedia.org/resource/Renminbi"))));
        Policy policy = new Policy(
                "urn:tds:agreement:7",
                PolicyType.AGREEMENT,
                "urn:tds:participant:provider",
                "urn:tds:participant:bank-a",
                "urn:tds:product:9",
                List.of(permission, Policies.permission(Action.AGGREGATE)),
                List.of(Policies.prohibition(Action.MODIFY, Policies.usesAtMost(0))),
                List.of(Duty.of(Action.INFORM), Duty.of(Action.ANONYMIZE)),
                ConflictStrategy.PROHIBIT);

        Policy back = PolicyJson.read(WRITER.toJson(policy));

        assertThat(back).isEqualTo(policy);
        assertThat(WRITER.toJson(back)).isEqualTo(WRITER.toJson(policy));
    }

    @Test
    void theWrittenFormIsCanonical() {
        ObjectNode json = WRITER.write(PolicyJson.creditRiskOffer());

        assertThat(fieldNames(json))
                .containsExactly(
                        "@context", "@type", "uid", "profile", "assigner", "target", "permission", "prohibition");
        assertThat(json.get("@context"))
                .isEqualTo(PolicyJson.tree(
                        "[\"http://www.w3.org/ns/odrl.jsonld\", {\"tds\": \"https://tds.city/ns/policy#\"}]"));
        assertThat(json.get("@type").asText()).isEqualTo("Offer");
        JsonNode constraints = json.at("/permission/0/constraint");
        assertThat(constraints.get(0))
                .isEqualTo(
                        PolicyJson.tree(
                                "{\"leftOperand\": \"purpose\", \"operator\": \"eq\", \"rightOperand\": \"tds:purpose/credit-risk\"}"));
        assertThat(constraints.get(1).get("rightOperand").asLong()).isEqualTo(1000);
        assertThat(constraints.get(2).get("rightOperand"))
                .isEqualTo(PolicyJson.tree("{\"@value\": \"P90D\", \"@type\": \"xsd:duration\"}"));
        assertThat(constraints.get(3).get("rightOperand"))
                .isEqualTo(PolicyJson.tree("[{\"@id\": \"tds:sandbox\"}, {\"@id\": \"tds:privacyComputing\"}]"));
        assertThat(constraints.get(4).get("leftOperand").asText()).isEqualTo("tds:recipientIndustry");
        assertThat(json.at("/permission/0/duty/1/constraint/0")).isEqualTo(PolicyJson.tree("""
                        {"leftOperand": "payAmount", "operator": "eq",
                         "rightOperand": {"@value": "0.5", "@type": "xsd:decimal"}, "unit": "CNY"}"""));
        assertThat(json.at("/prohibition/0")).isEqualTo(PolicyJson.tree("{\"action\": \"distribute\"}"));
    }

    @Test
    void setOperatorsAreAlwaysWrittenAsArrays() {
        Policy policy = Policies.offer(
                null,
                null,
                null,
                Policies.permission(
                        Action.USE,
                        Constraint.of(LeftOperand.ZONE, Operator.IS_ANY_OF, RightOperand.text("zone-health")),
                        Constraint.of(LeftOperand.SPATIAL, Operator.IS_PART_OF, RightOperand.regions("330000"))));

        JsonNode constraints = WRITER.write(policy).at("/permission/0/constraint");

        assertThat(constraints.get(0).get("rightOperand")).isEqualTo(PolicyJson.tree("[\"zone-health\"]"));
        assertThat(constraints.get(1).get("rightOperand")).isEqualTo(PolicyJson.tree("[\"330000\"]"));
    }

    @Test
    void aDraftWithoutUidOrPartiesWritesOnlyWhatItHas() {
        Policy draft = Policies.offer(null, null, null, Policies.permission(Action.USE));

        ObjectNode json = WRITER.write(draft);

        assertThat(fieldNames(json)).containsExactly("@context", "@type", "profile", "permission");
        assertThat(PolicyJson.read(json.toString())).isEqualTo(draft);
    }

    @Test
    void aNonDefaultConflictStrategyIsWritten() {
        Policy policy = PolicyJson.creditRiskOffer();
        policy = new Policy(
                policy.uid(),
                policy.type(),
                policy.assigner(),
                policy.assignee(),
                policy.target(),
                policy.permissions(),
                policy.prohibitions(),
                policy.obligations(),
                ConflictStrategy.PERMIT);

        assertThat(WRITER.write(policy).get("conflict").asText()).isEqualTo("perm");
        assertThat(PolicyJson.read(WRITER.toJson(policy)).conflict()).isEqualTo(ConflictStrategy.PERMIT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
