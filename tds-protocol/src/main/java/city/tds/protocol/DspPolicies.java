package city.tds.protocol;

import city.tds.core.Result;
import city.tds.policy.Policy;
import city.tds.policy.PolicyNamespaces;
import city.tds.policy.PolicyReader;
import city.tds.policy.PolicyWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Policies as DSP messages carry them: an offer or agreement object inside a message, in the message's context (the
 * official one imports the ODRL profile), identified by {@code @id}, with right operands as strings, objects or arrays
 * (the schemas allow no bare numbers) and TDS terms as full IRIs (the DSP context declares no {@code tds:} prefix).
 * Reading goes through {@link PolicyReader}, so a policy in a message means exactly what it means anywhere in TDS; an
 * agreement's DSP {@code timestamp} is set aside, as it records when the agreement was made rather than a term.
 */
public final class DspPolicies {

    private static final String TDS_PREFIX = "tds:";
    private static final ObjectMapper STORED = new ObjectMapper();

    private final PolicyReader reader = new PolicyReader();
    private final PolicyWriter writer = new PolicyWriter();

    /** Reads an offer or agreement embedded in a DSP message. */
    public Result<Policy> read(ObjectNode embedded) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.putArray("@context").add(PolicyNamespaces.ODRL_CONTEXT);
        for (Iterator<Map.Entry<String, JsonNode>> it = embedded.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            // an Agreement's timestamp is DSP's record of when it was made, not one of its terms
            if (!member.getKey().equals("timestamp")) {
                ordered.set(member.getKey(), member.getValue().deepCopy());
            }
        }
        return reader.read(ordered);
    }

    /** Reads an offer or agreement as this connector stored it (the JSON a DSP message carried). */
    public Result<Policy> readStored(String json) {
        return read(readStoredJson(json));
    }

    /** A stored offer or agreement as the JSON object it was stored from. */
    public ObjectNode readStoredJson(String json) {
        try {
            return (ObjectNode) STORED.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored offer or agreement is not a JSON object", e);
        }
    }

    /** Writes {@code policy} for embedding in a DSP message. */
    public ObjectNode write(Policy policy) {
        ObjectNode written = writer.write(policy);
        written.remove("@context");
        ObjectNode out = written.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            out.set(member.getKey().equals("uid") ? "@id" : member.getKey(), member.getValue());
        }
        adapt(out);
        return out;
    }

    private static void adapt(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode left = object.get("leftOperand");
            if (left != null && left.isTextual()) {
                object.put("leftOperand", expand(left.asText()));
            }
            JsonNode right = object.get("rightOperand");
            if (right != null) {
                object.set("rightOperand", rightOperand(right));
            }
            JsonNode id = object.get("@id");
            if (id != null && id.isTextual() && object.size() == 1) {
                object.put("@id", expand(id.asText()));
            }
            object.forEach(DspPolicies::adapt);
        } else if (node instanceof ArrayNode array) {
            array.forEach(DspPolicies::adapt);
        }
    }

    private static JsonNode rightOperand(JsonNode value) {
        if (value.isNumber()) {
            ObjectNode typed = JsonNodeFactory.instance.objectNode();
            typed.put("@value", value.asText());
            typed.put("@type", value.isIntegralNumber() ? "xsd:integer" : "xsd:decimal");
            return typed;
        }
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rightOperand(array.get(i)));
            }
        } else if (value instanceof ObjectNode object) {
            JsonNode id = object.get("@id");
            if (id != null && id.isTextual()) {
                object.put("@id", expand(id.asText()));
            }
        }
        return value;
    }

    private static String expand(String term) {
        return term.startsWith(TDS_PREFIX) ? PolicyNamespaces.TDS + term.substring(TDS_PREFIX.length()) : term;
    }
}
