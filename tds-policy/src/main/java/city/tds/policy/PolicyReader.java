package city.tds.policy;

import city.tds.core.Problem;
import city.tds.core.Result;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads ODRL 2.2 policies in compact JSON-LD (the {@code http://www.w3.org/ns/odrl.jsonld} context, optionally with
 * the TDS context) into a {@link Policy}, refusing by name every construct outside the subset TDS understands.
 *
 * <p>Terms (types, actions, left operands, operators, delivery modes) may be written bare ({@code purpose}), prefixed
 * ({@code odrl:purpose}) or as full IRIs; member names may carry the {@code odrl:} prefix. Right operands are plain
 * JSON values, {@code {"@value": …, "@type": …}} objects or {@code {"@id": …}} references. A reader is stateless and
 * may be shared.
 */
public final class PolicyReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parses and reads {@code json}. Fails with {@code invalid-policy} when it is not JSON (with the line and column)
     * or holds malformed values, and with {@code policy-outside-subset} when it uses constructs TDS does not support;
     * the detail lists every problem as {@code at <path>: <construct> — <reason>}, joined with {@code "; "}.
     */
    public Result<Policy> read(String json) {
        if (json == null || json.isBlank()) {
            return Result.fail(Problem.invalidInput("invalid-policy", "the policy is empty"));
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null
                    ? "at an unknown position"
                    : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Result.fail(Problem.invalidInput(
                    "invalid-policy", where + ": JSON — the policy is not valid JSON: " + e.getOriginalMessage()));
        }
        return read(node);
    }

    /** Reads an already parsed policy document; fails as {@link #read(String)} does. */
    public Result<Policy> read(JsonNode json) {
        Findings findings = new Findings();
        Policy policy = new PolicyParser(findings).parse(json);
        if (findings.isEmpty()) {
            return Result.ok(policy);
        }
        String code = findings.anyOutsideSubset() ? "policy-outside-subset" : "invalid-policy";
        String detail =
                findings.problems().stream().map(PolicyProblem::describe).collect(Collectors.joining("; "));
        return Result.fail(Problem.invalidInput(code, detail));
    }

    /** Every problem with {@code json}, both constructs outside the subset and malformed values; empty when valid. */
    public List<PolicyProblem> check(JsonNode json) {
        Findings findings = new Findings();
        new PolicyParser(findings).parse(json);
        return findings.problems();
    }
}
