package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule's {@code action}: a term ({@code use}, {@code odrl:use}, an IRI, {@code {"@id": …}}) or an object
 * {@code {"rdf:value": {"@id": …}}}. Refinements, several actions and, in duties, non-duty actions are refused.
 */
final class ActionParser {

    private final Findings findings;
    private final JsonLdContext context;

    ActionParser(Findings findings, JsonLdContext context) {
        this.findings = findings;
        this.context = context;
    }

    /**
     * The action of the rule whose members are {@code rule}, or {@code null} after reporting why not.
     *
     * @param noun what the rule is (permission, prohibition, duty), for messages
     * @param duty whether the action must be a {@linkplain Action#isDutyAction() duty action}
     */
    Action read(Members rule, String noun, boolean duty) {
        Members.Member member = rule.get("action");
        if (member == null) {
            findings.invalid(rule.path(), "action", "a " + noun + " needs an action");
            return null;
        }
        JsonNode value = member.value();
        String path = member.path();
        if (value.isArray()) {
            if (value.size() != 1) {
                findings.outsideSubset(
                        path, "action", "a rule has exactly one action; write one " + noun + " per action");
                return null;
            }
            value = value.get(0);
            path = Findings.child(path, 0);
        }
        String text = ConstraintParser.termText(value);
        if (text == null && value.isObject()) {
            text = actionObject(value, path);
            if (text == null) {
                return null;
            }
        }
        if (text == null) {
            findings.invalid(path, "action", "an action is a term such as use, or an object with rdf:value");
            return null;
        }
        var action = Action.fromTerm(context.expand(text));
        if (action.isEmpty()) {
            findings.outsideSubset(path, text, "unknown action; TDS supports " + Terms.localNames(Action.class));
            return null;
        }
        if (duty && !action.get().isDutyAction()) {
            findings.outsideSubset(
                    path,
                    action.get().term(),
                    "a duty's action must be one of " + Action.dutyActionNames() + "; got "
                            + action.get().localName());
            return null;
        }
        return action.get();
    }

    /** The action named in {@code {"rdf:value": {"@id": …}}}; refinements are refused. */
    private String actionObject(JsonNode value, String path) {
        Members members = Members.of(value, path, findings);
        members.refuseOthers(
                List.of("rdf:value"),
                Map.of("refinement", "action refinements are not supported; put the constraint on the rule"),
                "action",
                findings);
        if (members.has("refinement")) {
            return null;
        }
        Members.Member name = members.get("rdf:value");
        String text = name == null ? null : ConstraintParser.termText(name.value());
        if (text == null) {
            findings.invalid(path, "action", "an action object names its action in rdf:value");
        }
        return text;
    }
}
