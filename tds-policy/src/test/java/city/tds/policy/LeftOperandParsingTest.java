package city.tds.policy;

import static city.tds.policy.PolicyJson.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeftOperandParsingTest {

    static Stream<Arguments> allowedPairs() {
        return Arrays.stream(LeftOperand.values())
                .flatMap(operand -> operand.allowedOperators().stream().map(op -> Arguments.of(operand, op)));
    }

    static Stream<Arguments> refusedPairs() {
        return Arrays.stream(LeftOperand.values())
                .flatMap(operand -> Arrays.stream(Operator.values())
                        .filter(op -> !operand.allows(op))
                        .map(op -> Arguments.of(operand, op)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("allowedPairs")
    void everyAllowedOperatorParsesToTheTypedValue(LeftOperand operand, Operator operator) {
        String constraint = constraintJson(operand, operator);
        String json = operand == LeftOperand.PAY_AMOUNT
                ? PolicyJson.withCompensateConstraints(constraint)
                : PolicyJson.withConstraints(constraint);

        Policy policy = PolicyJson.read(json);

        AtomicConstraint parsed = (AtomicConstraint)
                (operand == LeftOperand.PAY_AMOUNT
                        ? policy.permissions()
                                .get(0)
                                .duties()
                                .get(0)
                                .constraints()
                                .get(0)
                        : policy.permissions().get(0).constraints().get(0));
        assertThat(parsed).isEqualTo(expected(operand, operator));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusedPairs")
    void everyOtherOperatorIsRefusedNamingTheAllowedOnes(LeftOperand operand, Operator operator) {
        String constraint = constraintJson(operand, operator);
        String json = operand == LeftOperand.PAY_AMOUNT
                ? PolicyJson.withCompensateConstraints(constraint)
                : PolicyJson.withConstraints(constraint);

        var result = READER.read(json);

        assertThat(result.isOk()).isFalse();
        assertThat(result.problem().code()).isEqualTo("invalid-policy");
        assertThat(result.problem().detail()).contains(operand.operatorRefusal(operator));
        assertThat(READER.check(PolicyJson.tree(json))).singleElement().satisfies(p -> {
            assertThat(p.path()).endsWith("/constraint/0/operator");
            assertThat(p.construct()).isEqualTo(operator.localName());
        });
    }

    @Test
    void theCountMessageListsTheAllowedOperatorsInOrder() {
        var result = READER.read(
                PolicyJson.withConstraints("{\"leftOperand\": \"count\", \"operator\": \"gt\", \"rightOperand\": 5}"));

        assertThat(result.problem().detail())
                .isEqualTo("at /permission/0/constraint/0/operator: gt — odrl:count takes lt, lteq, eq; got gt");
    }

    private static String constraintJson(LeftOperand operand, Operator operator) {
        String unit = operand == LeftOperand.PAY_AMOUNT ? ", \"unit\": \"CNY\"" : "";
        return "{\"leftOperand\": \"" + operand.term() + "\", \"operator\": \"" + operator.localName()
                + "\", \"rightOperand\": " + value(operand.valueType(), operator.takesSet()) + unit + "}";
    }

    private static String value(ValueType type, boolean set) {
        return switch (type) {
            case TEXT -> set ? "[\"tds:purpose/credit-risk\", \"research\"]" : "\"tds:purpose/credit-risk\"";
            case REGION_CODE -> set ? "[\"330100\", \"330200\"]" : "\"330106\"";
            case DELIVERY_MODE -> set ? "[\"tds:sandbox\", {\"@id\": \"tds:api\"}]" : "{\"@id\": \"tds:sandbox\"}";
            case DATE_TIME -> "{\"@value\": \"2026-12-31T23:59:59+08:00\", \"@type\": \"xsd:dateTime\"}";
            case DURATION -> "{\"@value\": \"PT12H\", \"@type\": \"xsd:duration\"}";
            case NON_NEGATIVE_INTEGER -> "1000";
            case DECIMAL -> "{\"@value\": \"0.5\", \"@type\": \"xsd:decimal\"}";
        };
    }

    private static AtomicConstraint expected(LeftOperand operand, Operator operator) {
        boolean set = operator.takesSet();
        RightOperand value =
                switch (operand.valueType()) {
                    case TEXT ->
                        set
                                ? RightOperand.text("tds:purpose/credit-risk", "research")
                                : RightOperand.text("tds:purpose/credit-risk");
                    case REGION_CODE -> set ? RightOperand.regions("330100", "330200") : RightOperand.regions("330106");
                    case DELIVERY_MODE ->
                        set
                                ? RightOperand.deliveryModes(DeliveryMode.SANDBOX, DeliveryMode.API)
                                : RightOperand.deliveryModes(DeliveryMode.SANDBOX);
                    case DATE_TIME -> RightOperand.instant(Instant.parse("2026-12-31T15:59:59Z"));
                    case DURATION -> RightOperand.duration(Duration.ofHours(12));
                    case NON_NEGATIVE_INTEGER -> RightOperand.integer(1000);
                    case DECIMAL -> RightOperand.decimal(new BigDecimal("0.50"));
                };
        return new AtomicConstraint(operand, operator, value, operand == LeftOperand.PAY_AMOUNT ? "CNY" : null);
    }
}
