package city.tds.policy;

import static city.tds.policy.PolicyJson.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed documents and values are {@code invalid-policy}; size limits are enforced. */
class PolicyValidationTest {

    private static String problemOf(String json, String code) {
        var result = READER.read(json);
        assertThat(result.isOk()).as("read should fail").isFalse();
        assertThat(result.problem().code()).isEqualTo(code);
        return result.problem().detail();
    }

    @Test
    void malformedJsonIsInvalidWithItsLocation() {
        String detail = problemOf("""
                {
                  "@context": "http://www.w3.org/ns/odrl.jsonld",
                  "permission": [ {"action": "use",, } ]
                }""", "invalid-policy");

        assertThat(detail).startsWith("at line 3, column ").contains("not valid JSON");
    }

    @Test
    void duplicateKeysAreInvalidJson() {
        String detail = problemOf(
                "{\"@context\": \"http://www.w3.org/ns/odrl.jsonld\", \"uid\": \"a\", \"uid\": \"b\","
                        + " \"permission\": {\"action\": \"use\"}}",
                "invalid-policy");

        assertThat(detail).contains("line 1").contains("uid");
    }

    @Test
    void aJsonArrayIsNotAPolicy() {
        assertThat(problemOf("[]", "invalid-policy")).isEqualTo("at the top level: policy — a policy is a JSON object");
    }

    @Test
    void aMissingContextIsInvalid() {
        String detail = problemOf("{\"@type\": \"Offer\", \"permission\": [{\"action\": \"use\"}]}", "invalid-policy");

        assertThat(detail)
                .isEqualTo("at the top level: @context — a policy needs an @context naming"
                        + " http://www.w3.org/ns/odrl.jsonld");
    }

    @Test
    void aContextWithoutOdrlIsInvalid() {
        String detail = problemOf(
                "{\"@context\": {\"tds\": \"https://tds.city/ns/policy#\"}, \"permission\": [{\"action\": \"use\"}]}",
                "invalid-policy");

        assertThat(detail).contains("at /@context: @context — the @context must include");
    }

    @Test
    void anEmptyPolicyIsRefused() {
        String detail =
                problemOf("{\"@context\": \"http://www.w3.org/ns/odrl.jsonld\", \"permission\": []}", "invalid-policy");

        assertThat(detail).contains("a policy must grant or forbid something");
    }

    @ParameterizedTest
    // the expected messages quote values with ' (e.g. got '2.5'), so that is not the CSV quote character here
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "dateTime|lt|\"2026-13-01T00:00:00Z\"|is not an xsd:dateTime with a UTC offset",
                "dateTime|lt|\"2026-12-01T00:00:00\"|has no UTC offset; write e.g. 2026-12-01T00:00:00+08:00",
                "dateTime|lt|{\"@value\": \"2026-12-01\", \"@type\": \"xsd:date\"}|odrl:dateTime takes an xsd:dateTime",
                "elapsedTime|lteq|\"P1M\"|counts years or months, which have no fixed length",
                "elapsedTime|lteq|\"P1Y2D\"|counts years or months",
                "elapsedTime|lteq|\"-P1D\"|must not be negative",
                "elapsedTime|lteq|\"30 days\"|is not an xsd:duration",
                "count|lteq|-1|odrl:count must not be negative; got -1",
                "count|lteq|\"-5\"|odrl:count must not be negative; got -5",
                "count|lteq|2.5|odrl:count takes a non-negative integer; got '2.5'",
                "count|lteq|\"many\"|odrl:count takes a non-negative integer",
                "spatial|eq|\"33010\"|'33010' is not a GB/T 2260 region code",
                "spatial|isAnyOf|[\"330100\", \"hangzhou\"]|'hangzhou' is not a GB/T 2260 region code",
                "deliveryChannel|eq|\"tds:email\"|unknown delivery mode",
                "purpose|eq|42|odrl:purpose takes text; got a number",
                "purpose|eq|[\"a\", \"b\"]|eq takes a single value; got 2",
                "purpose|isAnyOf|[]|needs at least one value",
                "recipient|eq|true|a right operand value is a string, a number",
            })
    void malformedValuesAreInvalid(String operand, String operator, String value, String message) {
        String detail = problemOf(
                PolicyJson.withConstraints("{\"leftOperand\": \"" + operand + "\", \"operator\": \"" + operator
                        + "\", \"rightOperand\": " + value + "}"),
                "invalid-policy");

        assertThat(detail)
                .startsWith("at /permission/0/constraint/0/rightOperand")
                .contains(message);
    }

    @Test
    void aNegativePayAmountAndAMissingUnitAreInvalid() {
        String detail = problemOf(
                PolicyJson.withCompensateConstraints(
                        "{\"leftOperand\": \"payAmount\", \"operator\": \"eq\", \"rightOperand\": -0.5}"),
                "invalid-policy");

        assertThat(detail).contains("odrl:payAmount needs a unit").contains("odrl:payAmount must not be negative");
    }

    @Test
    void anUnknownCurrencyIsInvalid() {
        String detail = problemOf(
                PolicyJson.withCompensateConstraints(
                        "{\"leftOperand\": \"payAmount\", \"operator\": \"eq\", \"rightOperand\": 1, \"unit\": \"XYZ\"}"),
                "invalid-policy");

        assertThat(detail).contains("'XYZ' is not an ISO 4217 currency code");
    }

    @Test
    void anAgreementNeedsItsParties() {
        String detail = problemOf(
                "{\"@context\": \"http://www.w3.org/ns/odrl.jsonld\", \"@type\": \"Agreement\", \"uid\": \"urn:a\","
                        + " \"assigner\": \"urn:p\", \"permission\": [{\"action\": \"use\"}]}",
                "invalid-policy");

        assertThat(detail).contains("an agreement needs a uid, an assigner and an assignee; it has no assignee");
    }

    @Test
    void everyProblemIsReportedAndJoined() {
        String json = PolicyJson.withConstraints("""
                {"leftOperand": "count", "operator": "gt", "rightOperand": 3},
                {"leftOperand": "dateTime", "operator": "lt", "rightOperand": "yesterday"},
                {"leftOperand": "odrl:industry", "operator": "eq", "rightOperand": "金融业"}""");

        List<PolicyProblem> problems = READER.check(PolicyJson.tree(json));

        assertThat(problems)
                .extracting(PolicyProblem::path)
                .containsExactly(
                        "/permission/0/constraint/0/operator",
                        "/permission/0/constraint/1/rightOperand",
                        "/permission/0/constraint/2/leftOperand");
        var result = READER.read(json);
        assertThat(result.problem().code())
                .as("any subset problem makes it outside the subset")
                .isEqualTo("policy-outside-subset");
        assertThat(result.problem().detail())
                .isEqualTo(problems.stream().map(PolicyProblem::describe).collect(Collectors.joining("; ")));
    }

    @Test
    void aValidPolicyHasNoProblems() {
        assertThat(READER.check(PolicyJson.tree(PolicyJson.resource("credit-risk-offer.jsonld"))))
                .isEmpty();
    }

    @Test
    void sixtyFourRulesAreAcceptedAndSixtyFiveRefused() {
        assertThat(READER.read(withPermissions(64)).isOk()).isTrue();

        String detail = problemOf(withPermissions(65), "policy-outside-subset");
        assertThat(detail)
                .isEqualTo("at the top level: rules — a policy may have at most 64 rules (permissions,"
                        + " prohibitions, obligations and duties); this one has 65");
    }

    @Test
    void dutiesCountAsRules() {
        String duties =
                IntStream.range(0, 64).mapToObj(i -> "{\"action\": \"inform\"}").collect(Collectors.joining(","));

        String detail = problemOf(PolicyJson.offer("", "\"duty\": [" + duties + "],"), "policy-outside-subset");

        assertThat(detail).contains("this one has 65");
    }

    @Test
    void constraintsNestFourLevelsDeepButNotFive() {
        String four = nested(3, "{\"leftOperand\": \"purpose\", \"operator\": \"eq\", \"rightOperand\": \"x\"}");
        assertThat(READER.read(PolicyJson.withConstraints(four)).isOk()).isTrue();

        String five = nested(4, "{\"leftOperand\": \"purpose\", \"operator\": \"eq\", \"rightOperand\": \"x\"}");
        List<PolicyProblem> problems = READER.check(PolicyJson.tree(PolicyJson.withConstraints(five)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/permission/0/constraint/0/and/0/or/0/and/0/or/0");
            assertThat(p.construct()).isEqualTo("constraint");
            assertThat(p.reason()).isEqualTo("constraints may nest at most 4 levels deep");
        });
        assertThat(READER.read(PolicyJson.withConstraints(five)).problem().code())
                .isEqualTo("policy-outside-subset");
    }

    @Test
    void tooManyConstraintsAreRefused() {
        String many = IntStream.range(0, 257)
                .mapToObj(i -> "{\"leftOperand\": \"count\", \"operator\": \"lteq\", \"rightOperand\": " + i + "}")
                .collect(Collectors.joining(","));

        String detail = problemOf(PolicyJson.withConstraints(many), "policy-outside-subset");

        assertThat(detail)
                .isEqualTo(
                        "at /permission/0/constraint/256: constraint — a policy may have at most 256" + " constraints");
    }

    @Test
    void aConstraintCannotBeAtomicAndLogical() {
        String detail = problemOf(
                PolicyJson.withConstraints(
                        "{\"leftOperand\": \"count\", \"operator\": \"lteq\", \"rightOperand\": 1," + " \"and\": []}"),
                "invalid-policy");

        assertThat(detail).contains("either atomic").contains("or logical");
    }

    @Test
    void aSetOperatorTakesASingleValueAsASet() {
        Policy policy = PolicyJson.read(PolicyJson.withConstraints(
                "{\"leftOperand\": \"tds:zone\", \"operator\": \"isAnyOf\", \"rightOperand\": \"zone-finance\"}"));

        assertThat(policy.permissions().get(0).constraints())
                .containsExactly(
                        Constraint.of(LeftOperand.ZONE, Operator.IS_ANY_OF, RightOperand.text("zone-finance")));
    }

    @Test
    void dateTimesWithAnOffsetBecomeInstants() {
        Policy policy = PolicyJson.read(
                PolicyJson.withConstraints(
                        "{\"leftOperand\": \"dateTime\", \"operator\": \"lt\", \"rightOperand\": \"2027-01-01T00:00:00+08:00\"}"));

        assertThat(((AtomicConstraint) policy.permissions().get(0).constraints().get(0)).rightOperand())
                .isEqualTo(RightOperand.instant(Instant.parse("2026-12-31T16:00:00Z")));
    }

    private static String withPermissions(int count) {
        String permissions =
                IntStream.range(0, count).mapToObj(i -> "{\"action\": \"use\"}").collect(Collectors.joining(","));
        return "{\"@context\": \"http://www.w3.org/ns/odrl.jsonld\", \"permission\": [" + permissions + "]}";
    }

    /** {@code atomic} wrapped in {@code levels} logical constraints, alternating and / or. */
    private static String nested(int levels, String atomic) {
        String constraint = atomic;
        for (int i = levels; i > 0; i--) {
            constraint = "{\"" + (i % 2 == 1 ? "and" : "or") + "\": [" + constraint + "]}";
        }
        return constraint;
    }
}
