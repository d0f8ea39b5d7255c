package city.tds.policy;

import static city.tds.policy.PolicyJson.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every construct outside the subset is refused at its path, by name, with the reason. */
class PolicyRefusalTest {

    private static PolicyProblem onlyProblem(String json, String expectedCode) {
        var result = READER.read(json);
        assertThat(result.isOk()).as("read should fail").isFalse();
        assertThat(result.problem().code()).isEqualTo(expectedCode);
        List<PolicyProblem> problems = READER.check(PolicyJson.tree(json));
        assertThat(problems).hasSize(1);
        assertThat(result.problem().detail()).isEqualTo(problems.get(0).describe());
        return problems.get(0);
    }

    private static PolicyProblem outsideSubset(String json) {
        return onlyProblem(json, "policy-outside-subset");
    }

    private static PolicyProblem invalid(String json) {
        return onlyProblem(json, "invalid-policy");
    }

    @Test
    void anUnknownLeftOperandListsTheSupportedOnes() {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"odrl:absoluteSize\", \"operator\": \"lteq\", \"rightOperand\": 5}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/leftOperand");
        assertThat(problem.construct()).isEqualTo("odrl:absoluteSize");
        assertThat(problem.reason())
                .startsWith("unknown left operand; TDS supports odrl:purpose, odrl:dateTime")
                .contains("tds:recipientIndustry", "odrl:payAmount");
    }

    @ParameterizedTest
    @CsvSource({"industry", "odrl:industry", "http://www.w3.org/ns/odrl/2/industry"})
    void industryPointsToRecipientIndustry(String spelling) {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"" + spelling + "\", \"operator\": \"eq\", \"rightOperand\": \"金融业\"}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/leftOperand");
        assertThat(problem.construct()).isEqualTo("odrl:industry");
        assertThat(problem.reason()).contains("use tds:recipientIndustry");
    }

    @Test
    void eventIsRefused() {
        PolicyProblem problem = outsideSubset(
                PolicyJson.withConstraints(
                        "{\"leftOperand\": \"event\", \"operator\": \"lt\", \"rightOperand\": {\"@id\": \"odrl:policyUsage\"}}"));

        assertThat(problem.construct()).isEqualTo("odrl:event");
        assertThat(problem.reason()).contains("odrl:event is not supported");
    }

    @Test
    void anUnknownActionIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "").replace("\"use\"", "\"print\""));

        assertThat(problem.path()).isEqualTo("/permission/0/action");
        assertThat(problem.construct()).isEqualTo("print");
        assertThat(problem.reason()).contains("unknown action", "use, read");
    }

    @Test
    void aDutyWithANonDutyActionIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "\"duty\": [{\"action\": \"read\"}],"));

        assertThat(problem.path()).isEqualTo("/permission/0/duty/0/action");
        assertThat(problem.construct()).isEqualTo("odrl:read");
        assertThat(problem.reason()).contains("delete, inform", "compensate");
    }

    @ParameterizedTest
    @CsvSource({"xone", "andSequence"})
    void xoneAndAndSequenceAreRefusedWithTheReason(String operator) {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints("""
                {"%s": [
                  {"leftOperand": "purpose", "operator": "eq", "rightOperand": "a"},
                  {"leftOperand": "purpose", "operator": "eq", "rightOperand": "b"}
                ]}""".formatted(operator)));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/" + operator);
        assertThat(problem.construct()).isEqualTo(operator);
        assertThat(problem.reason())
                .isEqualTo("xone/andSequence are not supported: TDS evaluates constraints independently and without"
                        + " ordering");
    }

    @Test
    void actionRefinementsAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "").replace("\"action\": \"use\"", """
                "action": {
                  "rdf:value": {"@id": "odrl:use"},
                  "refinement": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "x"}]
                }"""));

        assertThat(problem.path()).isEqualTo("/permission/0/action/refinement");
        assertThat(problem.construct()).isEqualTo("refinement");
        assertThat(problem.reason()).isEqualTo("action refinements are not supported; put the constraint on the rule");
    }

    @Test
    void anActionObjectWithoutRefinementIsAccepted() {
        Policy policy = PolicyJson.read(PolicyJson.offer("", "")
                .replace("\"action\": \"use\"", "\"action\": {\"rdf:value\": {\"@id\": \"odrl:read\"}}"));

        assertThat(policy.permissions().get(0).action()).isEqualTo(Action.READ);
    }

    @Test
    void inheritFromIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("\"inheritFrom\": \"urn:tds:policy:parent\",", ""));

        assertThat(problem.path()).isEqualTo("/inheritFrom");
        assertThat(problem.construct()).isEqualTo("inheritFrom");
        assertThat(problem.reason()).contains("inheritance");
    }

    @Test
    void aForeignProfileIsRefusedButTheTdsProfileIsAccepted() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("\"profile\": \"http://example.com/profile\",", ""));
        assertThat(problem.path()).isEqualTo("/profile");
        assertThat(problem.construct()).isEqualTo("http://example.com/profile");

        assertThat(READER.read(PolicyJson.offer("\"profile\": \"https://tds.city/ns/policy/profile\",", ""))
                        .isOk())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"perm,PERMIT", "prohibit,PROHIBIT", "invalid,INVALID", "odrl:prohibit,PROHIBIT"})
    void theThreeConflictStrategiesAreRecorded(String value, ConflictStrategy expected) {
        Policy policy = PolicyJson.read(PolicyJson.offer("\"conflict\": \"" + value + "\",", ""));

        assertThat(policy.conflict()).isEqualTo(expected);
    }

    @Test
    void withoutConflictTheStrategyIsOdrlsDefault() {
        assertThat(PolicyJson.read(PolicyJson.offer("", "")).conflict()).isEqualTo(ConflictStrategy.INVALID);
    }

    @Test
    void anUnknownConflictStrategyIsInvalid() {
        PolicyProblem problem = invalid(PolicyJson.offer("\"conflict\": \"first\",", ""));

        assertThat(problem.path()).isEqualTo("/conflict");
        assertThat(problem.construct()).isEqualTo("conflict");
    }

    @Test
    void remediesOnProhibitionsAreRefused() {
        PolicyProblem problem = outsideSubset("""
                {"@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Set",
                 "prohibition": [{"action": "distribute", "remedy": [{"action": "delete"}]}]}""");

        assertThat(problem.path()).isEqualTo("/prohibition/0/remedy");
        assertThat(problem.construct()).isEqualTo("remedy");
        assertThat(problem.reason()).isEqualTo("consequences/remedies are not supported");
    }

    @Test
    void consequencesOnDutiesAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer(
                "", "\"duty\": [{\"action\": \"compensate\", \"consequence\": [{\"action\": \"inform\"}]}],"));

        assertThat(problem.path()).isEqualTo("/permission/0/duty/0/consequence");
        assertThat(problem.construct()).isEqualTo("consequence");
        assertThat(problem.reason()).isEqualTo("consequences/remedies are not supported");
    }

    @Test
    void aProhibitionWithDutiesIsRefused() {
        PolicyProblem problem = outsideSubset("""
                {"@context": "http://www.w3.org/ns/odrl.jsonld",
                 "prohibition": [{"action": "distribute", "duty": [{"action": "inform"}]}]}""");

        assertThat(problem.path()).isEqualTo("/prohibition/0/duty");
        assertThat(problem.construct()).isEqualTo("duty");
        assertThat(problem.reason()).contains("a prohibition cannot carry duties");
    }

    @Test
    void assetCollectionTargetsAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer(
                "\"target\": {\"@type\": \"AssetCollection\", \"uid\": \"urn:tds:collection:1\"},", ""));

        assertThat(problem.path()).isEqualTo("/target/@type");
        assertThat(problem.construct()).isEqualTo("AssetCollection");
        assertThat(problem.reason()).contains("asset collections are not supported");
    }

    @Test
    void partOfTargetsAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer(
                "\"target\": {\"uid\": \"urn:tds:product:1\", \"partOf\": \"urn:tds:collection:1\"},", ""));

        assertThat(problem.path()).isEqualTo("/target/partOf");
        assertThat(problem.construct()).isEqualTo("partOf");
    }

    @Test
    void partyCollectionsAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer(
                "\"assignee\": {\"@type\": \"PartyCollection\", \"uid\": \"urn:tds:group:banks\"},", ""));

        assertThat(problem.path()).isEqualTo("/assignee/@type");
        assertThat(problem.construct()).isEqualTo("PartyCollection");
    }

    @Test
    void aTargetObjectWithAUidIsAccepted() {
        Policy policy = PolicyJson.read(
                PolicyJson.offer("\"target\": {\"@type\": \"Asset\", \"@id\": \"urn:tds:product:1\"},", ""));

        assertThat(policy.target()).isEqualTo("urn:tds:product:1");
    }

    @Test
    void unknownMembersAreNamedAtEachLevel() {
        String json = """
                {"@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Offer", "dct:title": "x",
                 "permission": [{"action": "use", "note": 1,
                   "constraint": [{"leftOperand": "count", "operator": "lteq", "rightOperand": 3, "comment": "c"}]}]}""";

        List<PolicyProblem> problems = READER.check(PolicyJson.tree(json));

        assertThat(problems)
                .extracting(PolicyProblem::path, PolicyProblem::construct)
                .containsExactly(
                        tuple("/dct:title", "dct:title"),
                        tuple("/permission/0/note", "note"),
                        tuple("/permission/0/constraint/0/comment", "comment"));
        assertThat(problems.get(0).reason()).contains("a policy may have @context, @type, uid");
        assertThat(READER.read(json).problem().code()).isEqualTo("policy-outside-subset");
    }

    @Test
    void payAmountOutsideACompensateDutyIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"payAmount\", \"operator\": \"eq\", \"rightOperand\": 1, \"unit\": \"CNY\"}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/leftOperand");
        assertThat(problem.construct()).isEqualTo("odrl:payAmount");
        assertThat(problem.reason()).contains("only allowed in a duty whose action is compensate");
    }

    @Test
    void payAmountInADeleteDutyIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", """
                "duty": [{"action": "delete", "constraint": [
                  {"leftOperand": "payAmount", "operator": "eq", "rightOperand": 1, "unit": "CNY"}]}],"""));

        assertThat(problem.path()).isEqualTo("/permission/0/duty/0/constraint/0/leftOperand");
    }

    @Test
    void aUnitOnAnotherOperandIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"count\", \"operator\": \"lteq\", \"rightOperand\": 3, \"unit\": \"CNY\"}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/unit");
        assertThat(problem.construct()).isEqualTo("unit");
    }

    @Test
    void rightOperandReferencesAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"purpose\", \"operator\": \"eq\", \"rightOperandReference\": \"urn:ref\"}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/rightOperandReference");
        assertThat(problem.construct()).isEqualTo("rightOperandReference");
    }

    @Test
    void unsupportedOperatorsAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.withConstraints(
                "{\"leftOperand\": \"purpose\", \"operator\": \"isAllOf\", \"rightOperand\": [\"a\"]}"));

        assertThat(problem.path()).isEqualTo("/permission/0/constraint/0/operator");
        assertThat(problem.construct()).isEqualTo("isAllOf");
        assertThat(problem.reason()).contains("eq, neq, lt, lteq, gt, gteq, isAnyOf, isNoneOf, isPartOf");
    }

    @Test
    void policyTypesOtherThanSetOfferAgreementAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "").replace("\"Offer\"", "\"Ticket\""));

        assertThat(problem.path()).isEqualTo("/@type");
        assertThat(problem.construct()).isEqualTo("Ticket");
    }

    @Test
    void severalActionsInOneRuleAreRefused() {
        PolicyProblem problem = outsideSubset(
                PolicyJson.offer("", "").replace("\"action\": \"use\"", "\"action\": [\"read\", \"use\"]"));

        assertThat(problem.path()).isEqualTo("/permission/0/action");
        assertThat(problem.construct()).isEqualTo("action");
    }

    @Test
    void aRuleNamingAnotherTargetIsRefused() {
        PolicyProblem problem = outsideSubset(
                PolicyJson.offer("\"target\": \"urn:tds:product:1\",", "\"target\": \"urn:tds:product:2\","));

        assertThat(problem.path()).isEqualTo("/permission/0/target");
        assertThat(problem.construct()).isEqualTo("target");
    }

    @Test
    void aTargetNamedOnlyOnTheRulesBecomesThePolicysTarget() {
        Policy policy = PolicyJson.read(PolicyJson.offer("", "\"target\": \"urn:tds:product:2\","));

        assertThat(policy.target()).isEqualTo("urn:tds:product:2");
    }

    @Test
    void anUnknownContextIsRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "")
                .replace(
                        "\"http://www.w3.org/ns/odrl.jsonld\"",
                        "[\"http://www.w3.org/ns/odrl.jsonld\", \"https://example.com/context.jsonld\"]"));

        assertThat(problem.path()).isEqualTo("/@context/1");
        assertThat(problem.construct()).isEqualTo("https://example.com/context.jsonld");
    }

    @Test
    void termDefinitionsInTheContextAreRefused() {
        PolicyProblem problem = outsideSubset(PolicyJson.offer("", "")
                .replace(
                        "\"http://www.w3.org/ns/odrl.jsonld\"",
                        "[\"http://www.w3.org/ns/odrl.jsonld\", {\"purpose\": \"http://example.com/aim\"}]"));

        assertThat(problem.path()).isEqualTo("/@context/1/purpose");
        assertThat(problem.construct()).isEqualTo("purpose");
        assertThat(problem.reason()).contains("term definitions are not supported");
    }

    @Test
    void pathsEscapeIriMemberNamesAsJsonPointers() {
        PolicyProblem problem = outsideSubset("""
                {"@context": "http://www.w3.org/ns/odrl.jsonld",
                 "http://www.w3.org/ns/odrl/2/permission": [{"odrl:action": "print"}]}""");

        assertThat(problem.path()).isEqualTo("/http:~1~1www.w3.org~1ns~1odrl~12~1permission/0/odrl:action");
        assertThat(problem.construct()).isEqualTo("print");
    }
}
