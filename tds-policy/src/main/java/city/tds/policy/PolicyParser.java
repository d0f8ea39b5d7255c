package city.tds.policy;

import city.tds.policy.ReferenceParser.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Walks one policy document, building the model and recording every problem on the way. Used once. */
final class PolicyParser {

    private static final String CONSEQUENCES = "consequences/remedies are not supported";
    private static final String RULE_UID = "rule identifiers are not supported: identify the policy instead";
    private static final List<String> POLICY_MEMBERS = List.of(
            "@context",
            "@type",
            "uid",
            "profile",
            "conflict",
            "assigner",
            "assignee",
            "target",
            "permission",
            "prohibition",
            "obligation");
    private static final Map<String, String> POLICY_REFUSED =
            Map.of("inheritFrom", "policy inheritance (inheritFrom) is not supported: write the whole policy");

    private enum RuleKind {
        PERMISSION(
                "permission",
                "Permission",
                List.of("@type", "action", "target", "assigner", "assignee", "constraint", "duty"),
                Map.of("uid", RULE_UID, "remedy", CONSEQUENCES, "consequence", CONSEQUENCES, "failure", CONSEQUENCES)),
        PROHIBITION(
                "prohibition",
                "Prohibition",
                List.of("@type", "action", "target", "assigner", "assignee", "constraint"),
                Map.of(
                        "uid", RULE_UID,
                        "remedy", CONSEQUENCES,
                        "consequence", CONSEQUENCES,
                        "failure", CONSEQUENCES,
                        "duty", "a prohibition cannot carry duties; put them on a permission or in the obligations")),
        DUTY(
                "duty",
                "Duty",
                List.of("@type", "action", "target", "assigner", "assignee", "constraint"),
                Map.of(
                        "uid", RULE_UID,
                        "consequence", CONSEQUENCES,
                        "remedy", CONSEQUENCES,
                        "failure", CONSEQUENCES,
                        "duty", "duties of a duty are not supported"));

        final String noun;
        final String type;
        final List<String> members;
        final Map<String, String> refused;

        RuleKind(String noun, String type, List<String> members, Map<String, String> refused) {
            this.noun = noun;
            this.type = type;
            this.members = members;
            this.refused = refused;
        }
    }

    private final Findings findings;
    private final ReferenceParser references;
    private JsonLdContext context;
    private ConstraintParser constraints;
    private ActionParser actions;

    PolicyParser(Findings findings) {
        this.findings = findings;
        this.references = new ReferenceParser(findings);
    }

    /**
     * The policy, or {@code null} when {@link Findings} holds problems. The model's constructors check the same rules
     * as this parser; should one still refuse a value, that refusal is reported as an invalid value rather than
     * thrown at the caller.
     */
    Policy parse(JsonNode root) {
        try {
            return parseChecked(root);
        } catch (IllegalArgumentException e) {
            findings.invalid("", "policy", e.getMessage());
            return null;
        }
    }

    private Policy parseChecked(JsonNode root) {
        if (root == null || !root.isObject()) {
            findings.invalid("", "policy", "a policy is a JSON object");
            return null;
        }
        Members members = Members.of(root, "", findings);
        context = JsonLdContext.read(members.get("@context"), findings);
        constraints = new ConstraintParser(findings, context);
        actions = new ActionParser(findings, context);
        members.refuseOthers(POLICY_MEMBERS, POLICY_REFUSED, "policy", findings);
        PolicyType type = policyType(members.get("@type"));
        String uid = references.identifier(members.get("uid"));
        profile(members.get("profile"));
        ConflictStrategy conflict = conflict(members.get("conflict"));
        String assigner = references.read(members.get("assigner"), Reference.ASSIGNER);
        String assignee = references.read(members.get("assignee"), Reference.ASSIGNEE);
        String target = references.read(members.get("target"), Reference.TARGET);

        int topLevelRules = count(members.value("permission"))
                + count(members.value("prohibition"))
                + count(members.value("obligation"));
        int rules = topLevelRules + countDuties(members.value("permission"));
        if (rules > PolicyLimits.MAX_RULES) {
            findings.outsideSubset(
                    "",
                    "rules",
                    "a policy may have at most " + PolicyLimits.MAX_RULES
                            + " rules (permissions, prohibitions, obligations and duties); this one has " + rules);
            return null;
        }
        List<Rule> permissions = rules(members.get("permission"), RuleKind.PERMISSION);
        List<Rule> prohibitions = rules(members.get("prohibition"), RuleKind.PROHIBITION);
        List<Duty> obligations = duties(members.get("obligation"));
        assigner = references.reconcile(Reference.ASSIGNER, assigner);
        assignee = references.reconcile(Reference.ASSIGNEE, assignee);
        target = references.reconcile(Reference.TARGET, target);

        if (topLevelRules == 0) {
            findings.invalid(
                    "",
                    "policy",
                    "a policy must grant or forbid something: it has no permission, prohibition or obligation");
        }
        if (type == PolicyType.AGREEMENT) {
            requirePresent(uid, "uid");
            requirePresent(assigner, "assigner");
            requirePresent(assignee, "assignee");
        }
        if (!findings.isEmpty()) {
            return null;
        }
        return new Policy(uid, type, assigner, assignee, target, permissions, prohibitions, obligations, conflict);
    }

    private PolicyType policyType(Members.Member member) {
        if (member == null) {
            return PolicyType.SET;
        }
        JsonNode value = single(member.value());
        String text = value != null && value.isTextual() ? value.asText() : null;
        if (text == null) {
            findings.invalid(member.path(), "@type", "a policy's @type is Set, Offer or Agreement");
            return PolicyType.SET;
        }
        String expanded = context.expand(text);
        if (context.isOdrl(expanded, "Policy")) {
            return PolicyType.SET;
        }
        var type = PolicyType.fromTerm(expanded);
        if (type.isEmpty()) {
            findings.outsideSubset(
                    member.path(), text, "policy type not supported; TDS policies are Set, Offer or Agreement");
            return PolicyType.SET;
        }
        return type.get();
    }

    private void profile(Members.Member member) {
        if (member == null) {
            return;
        }
        List<JsonNode> values = elements(member.value());
        for (int i = 0; i < values.size(); i++) {
            String text = ConstraintParser.termText(values.get(i));
            String path = member.value().isArray() ? Findings.child(member.path(), i) : member.path();
            if (!PolicyNamespaces.TDS_PROFILE.equals(text)) {
                findings.outsideSubset(
                        path,
                        text == null ? "profile" : text,
                        "unknown profile; a TDS policy declares no profile or " + PolicyNamespaces.TDS_PROFILE);
            }
        }
    }

    private ConflictStrategy conflict(Members.Member member) {
        if (member == null) {
            return ConflictStrategy.INVALID;
        }
        String text = ConstraintParser.termText(member.value());
        var strategy = text == null ? null : ConflictStrategy.fromTerm(context.expand(text));
        if (strategy == null || strategy.isEmpty()) {
            findings.invalid(member.path(), "conflict", "conflict is perm, prohibit or invalid");
            return ConflictStrategy.INVALID;
        }
        return strategy.get();
    }

    private List<Rule> rules(Members.Member member, RuleKind kind) {
        List<Rule> rules = new ArrayList<>();
        if (member == null) {
            return rules;
        }
        forEach(member, (node, path) -> {
            Rule rule = rule(node, path, kind);
            if (rule != null) {
                rules.add(rule);
            }
        });
        return rules;
    }

    private List<Duty> duties(Members.Member member) {
        List<Duty> duties = new ArrayList<>();
        if (member == null) {
            return duties;
        }
        forEach(member, (node, path) -> {
            Members members = ruleMembers(node, path, RuleKind.DUTY);
            if (members == null) {
                return;
            }
            Action action = actions.read(members, RuleKind.DUTY.noun, true);
            boolean payAmountAllowed = action == null || action == Action.COMPENSATE;
            List<Constraint> list = constraints.readRuleConstraints(members.get("constraint"), payAmountAllowed);
            if (action != null && action.isDutyAction() && list != null) {
                duties.add(new Duty(action, list));
            }
        });
        return duties;
    }

    private Rule rule(JsonNode node, String path, RuleKind kind) {
        Members members = ruleMembers(node, path, kind);
        if (members == null) {
            return null;
        }
        Action action = actions.read(members, kind.noun, kind == RuleKind.DUTY);
        List<Constraint> list = constraints.readRuleConstraints(members.get("constraint"), false);
        List<Duty> duties = kind == RuleKind.PERMISSION ? duties(members.get("duty")) : List.of();
        return action == null || list == null ? null : new Rule(action, list, duties);
    }

    private Members ruleMembers(JsonNode node, String path, RuleKind kind) {
        if (node.isTextual()) {
            findings.outsideSubset(
                    path,
                    node.asText(),
                    kind.noun + " references are not supported: write the " + kind.noun + " inline");
            return null;
        }
        if (!node.isObject()) {
            findings.invalid(path, kind.noun, "a " + kind.noun + " is a JSON object");
            return null;
        }
        Members members = Members.of(node, path, findings);
        members.refuseOthers(kind.members, kind.refused, kind.noun, findings);
        Members.Member type = members.get("@type");
        if (type != null && !kind.type.equals(ConstraintParser.localTerm(ConstraintParser.termText(type.value())))) {
            findings.invalid(
                    type.path(), type.value().toString(), "a " + kind.noun + "'s @type can only be " + kind.type);
        }
        references.readOnRule(members);
        return members;
    }

    private void requirePresent(String value, String name) {
        if (value == null) {
            findings.invalid(
                    "", "Agreement", "an agreement needs a uid, an assigner and an assignee; it has no " + name);
        }
    }

    private interface ElementVisitor {
        void visit(JsonNode node, String path);
    }

    private static void forEach(Members.Member member, ElementVisitor visitor) {
        JsonNode value = member.value();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                visitor.visit(value.get(i), Findings.child(member.path(), i));
            }
        } else {
            visitor.visit(value, member.path());
        }
    }

    private static List<JsonNode> elements(JsonNode value) {
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(elements::add);
        } else {
            elements.add(value);
        }
        return elements;
    }

    private static JsonNode single(JsonNode value) {
        if (value.isArray()) {
            return value.size() == 1 ? value.get(0) : null;
        }
        return value;
    }

    private static int count(JsonNode value) {
        if (value == null) {
            return 0;
        }
        return value.isArray() ? value.size() : 1;
    }

    private static int countDuties(JsonNode permissions) {
        int duties = 0;
        if (permissions != null) {
            for (JsonNode permission : elements(permissions)) {
                for (Map.Entry<String, JsonNode> field : permission.properties()) {
                    if (Objects.equals(Members.canonical(field.getKey()), "duty")) {
                        duties += count(field.getValue());
                    }
                }
            }
        }
        return duties;
    }
}
