package city.tds.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a {@link Policy} as canonical compact ODRL JSON-LD: the ODRL context plus the {@code tds} prefix, members
 * in a fixed order, ODRL terms bare and TDS terms prefixed, set-valued right operands always as arrays, dateTime,
 * duration and decimal values as {@code {"@value", "@type"}}, delivery modes as {@code {"@id"}}. {@link
 * PolicyReader} reads the output back to an equal policy. A writer is stateless and may be shared.
 */
public final class PolicyWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ObjectNode write(Policy policy) {
        ObjectNode out = NODES.objectNode();
        ArrayNode context = out.putArray("@context");
        context.add(PolicyNamespaces.ODRL_CONTEXT);
        context.addObject().put("tds", PolicyNamespaces.TDS);
        out.put("@type", compact(policy.type()));
        putIfPresent(out, "uid", policy.uid());
        out.put("profile", PolicyNamespaces.TDS_PROFILE);
        if (policy.conflict() != ConflictStrategy.INVALID) {
            out.put("conflict", compact(policy.conflict()));
        }
        putIfPresent(out, "assigner", policy.assigner());
        putIfPresent(out, "assignee", policy.assignee());
        putIfPresent(out, "target", policy.target());
        if (!policy.permissions().isEmpty()) {
            ArrayNode permissions = out.putArray("permission");
            policy.permissions().forEach(rule -> permissions.add(rule(rule)));
        }
        if (!policy.prohibitions().isEmpty()) {
            ArrayNode prohibitions = out.putArray("prohibition");
            policy.prohibitions().forEach(rule -> prohibitions.add(rule(rule)));
        }
        if (!policy.obligations().isEmpty()) {
            ArrayNode obligations = out.putArray("obligation");
            policy.obligations().forEach(duty -> obligations.add(duty(duty)));
        }
        return out;
    }

    /** {@link #write(Policy)} as a compact JSON string. */
    public String toJson(Policy policy) {
        try {
            return JSON.writeValueAsString(write(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private ObjectNode rule(Rule rule) {
        ObjectNode out = NODES.objectNode();
        out.put("action", compact(rule.action()));
        putConstraints(out, rule.constraints());
        if (!rule.duties().isEmpty()) {
            ArrayNode duties = out.putArray("duty");
            rule.duties().forEach(duty -> duties.add(duty(duty)));
        }
        return out;
    }

    private ObjectNode duty(Duty duty) {
        ObjectNode out = NODES.objectNode();
        out.put("action", compact(duty.action()));
        putConstraints(out, duty.constraints());
        return out;
    }

    private void putConstraints(ObjectNode out, List<Constraint> constraints) {
        if (!constraints.isEmpty()) {
            ArrayNode array = out.putArray("constraint");
            constraints.forEach(constraint -> array.add(constraint(constraint)));
        }
    }

    private ObjectNode constraint(Constraint constraint) {
        ObjectNode out = NODES.objectNode();
        if (constraint instanceof LogicalConstraint logical) {
            ArrayNode operands = out.putArray(logical.op().localName());
            logical.operands().forEach(operand -> operands.add(constraint(operand)));
            return out;
        }
        AtomicConstraint atomic = (AtomicConstraint) constraint;
        out.put("leftOperand", compact(atomic.leftOperand()));
        out.put("operator", compact(atomic.operator()));
        RightOperandJson.write(out, atomic.operator(), atomic.rightOperand());
        if (atomic.unit() != null) {
            if (atomic.unit().length() == 3) {
                out.put("unit", atomic.unit());
            } else {
                out.putObject("unit").put("@id", atomic.unit());
            }
        }
        return out;
    }

    /** ODRL terms bare (they are defined by the ODRL context), TDS terms with their prefix. */
    static String compact(VocabularyTerm term) {
        String prefixed = term.term();
        return prefixed.startsWith("odrl:") ? term.localName() : prefixed;
    }

    private static void putIfPresent(ObjectNode out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
