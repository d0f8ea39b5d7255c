package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code constraint} members of rules and duties, atomic and logical, within {@link PolicyLimits}. */
final class ConstraintParser {

    private static final String NOT_INDEPENDENT =
            "xone/andSequence are not supported: TDS evaluates constraints independently and without ordering";
    private static final List<String> ATOMIC_MEMBERS =
            List.of("@type", "leftOperand", "operator", "rightOperand", "unit", "dataType");
    private static final Map<String, String> ATOMIC_REFUSED = Map.of(
            "rightOperandReference", "right-operand references are not supported: give the value in rightOperand",
            "status", "constraint status is not supported",
            "uid", "constraint identifiers are not supported: write the constraint inline");
    private static final List<String> LOGICAL_MEMBERS = List.of("@type", "and", "or");
    private static final Map<String, String> LOGICAL_REFUSED = Map.of(
            "xone", NOT_INDEPENDENT,
            "andSequence", NOT_INDEPENDENT,
            "uid", "constraint identifiers are not supported: write the constraint inline");

    private final Findings findings;
    private final JsonLdContext context;
    private final ValueParser values;
    private int count;

    ConstraintParser(Findings findings, JsonLdContext context) {
        this.findings = findings;
        this.context = context;
        this.values = new ValueParser(findings, context);
    }

    /**
     * The constraints in a rule's {@code constraint} member (absent: none), or {@code null} after reporting problems.
     *
     * @param payAmountAllowed whether the rule is a compensate duty, the only place {@code odrl:payAmount} may appear
     */
    List<Constraint> readRuleConstraints(Members.Member member, boolean payAmountAllowed) {
        if (member == null) {
            return List.of();
        }
        return readList(member.value(), member.path(), 1, payAmountAllowed);
    }

    private List<Constraint> readList(JsonNode node, String path, int depth, boolean payAmountAllowed) {
        List<Constraint> constraints = new ArrayList<>();
        boolean complete = true;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Constraint constraint = read(node.get(i), Findings.child(path, i), depth, payAmountAllowed);
                complete &= constraint != null;
                constraints.add(constraint);
            }
        } else {
            Constraint constraint = read(node, path, depth, payAmountAllowed);
            complete = constraint != null;
            constraints.add(constraint);
        }
        return complete ? constraints : null;
    }

    private Constraint read(JsonNode node, String path, int depth, boolean payAmountAllowed) {
        if (++count == PolicyLimits.MAX_CONSTRAINTS + 1) {
            findings.outsideSubset(
                    path, "constraint", "a policy may have at most " + PolicyLimits.MAX_CONSTRAINTS + " constraints");
        }
        if (count > PolicyLimits.MAX_CONSTRAINTS) {
            return null;
        }
        if (depth > PolicyLimits.MAX_CONSTRAINT_DEPTH) {
            findings.outsideSubset(
                    path,
                    "constraint",
                    "constraints may nest at most " + PolicyLimits.MAX_CONSTRAINT_DEPTH + " levels deep");
            return null;
        }
        if (node.isTextual()) {
            findings.outsideSubset(
                    path, node.asText(), "constraint references are not supported: write the constraint inline");
            return null;
        }
        if (!node.isObject()) {
            findings.invalid(path, "constraint", "a constraint is a JSON object");
            return null;
        }
        Members members = Members.of(node, path, findings);
        boolean logical = members.has("and") || members.has("or") || members.has("xone") || members.has("andSequence");
        if (logical && (members.has("leftOperand") || members.has("operator") || members.has("rightOperand"))) {
            findings.invalid(
                    path,
                    "constraint",
                    "a constraint is either atomic (leftOperand, operator, rightOperand) or logical (and, or), not"
                            + " both");
            return null;
        }
        return logical ? readLogical(members, depth, payAmountAllowed) : readAtomic(members, payAmountAllowed);
    }

    private Constraint readLogical(Members members, int depth, boolean payAmountAllowed) {
        members.refuseOthers(LOGICAL_MEMBERS, LOGICAL_REFUSED, "logical constraint", findings);
        expectType(members, "LogicalConstraint");
        if (members.has("xone") || members.has("andSequence")) {
            return null;
        }
        if (members.has("and") && members.has("or")) {
            findings.invalid(members.path(), "constraint", "a logical constraint has one of and, or; not both");
            return null;
        }
        LogicalOperator op = members.has("and") ? LogicalOperator.AND : LogicalOperator.OR;
        Members.Member operands = members.get(op.localName());
        if (operands.value().isArray() && operands.value().isEmpty()) {
            findings.invalid(operands.path(), op.localName(), "'" + op.localName() + "' needs at least one constraint");
            return null;
        }
        List<Constraint> constraints = readList(operands.value(), operands.path(), depth + 1, payAmountAllowed);
        return constraints == null ? null : new LogicalConstraint(op, constraints);
    }

    private Constraint readAtomic(Members members, boolean payAmountAllowed) {
        int before = findings.count();
        members.refuseOthers(ATOMIC_MEMBERS, ATOMIC_REFUSED, "constraint", findings);
        expectType(members, "Constraint");
        LeftOperand operand = leftOperand(members, payAmountAllowed);
        Operator operator = operator(members, operand);
        Members.Member right = members.get("rightOperand");
        if (right == null) {
            if (!members.has("rightOperandReference")) {
                findings.invalid(members.path(), "rightOperand", "a constraint needs a rightOperand");
            }
            return null;
        }
        String dataType = dataType(members, operand);
        String unit = unit(members, operand);
        if (operand == null) {
            return null;
        }
        RightOperand value = values.read(operand, operator, right.value(), right.path(), dataType);
        if (value == null || operator == null || findings.count() > before) {
            return null;
        }
        return new AtomicConstraint(operand, operator, value, unit);
    }

    private LeftOperand leftOperand(Members members, boolean payAmountAllowed) {
        Members.Member member = members.get("leftOperand");
        if (member == null) {
            findings.invalid(members.path(), "leftOperand", "a constraint needs a leftOperand");
            return null;
        }
        String text = termText(member.value());
        if (text == null) {
            findings.invalid(member.path(), "leftOperand", "a left operand is a term such as purpose or an IRI");
            return null;
        }
        var operand = LeftOperand.fromTerm(context.expand(text));
        if (operand.isEmpty()) {
            if (context.isOdrl(text, "event")) {
                findings.outsideSubset(
                        member.path(),
                        "odrl:event",
                        "odrl:event is not supported: TDS has no event source to evaluate it against; use"
                                + " odrl:dateTime or odrl:elapsedTime");
            } else if (context.isOdrl(text, "industry")) {
                findings.outsideSubset(
                        member.path(),
                        "odrl:industry",
                        "odrl:industry is not supported: use tds:recipientIndustry, the industry in the recipient's"
                                + " credential");
            } else {
                findings.outsideSubset(
                        member.path(), text, "unknown left operand; TDS supports " + LeftOperand.supportedTerms());
            }
            return null;
        }
        if (operand.get() == LeftOperand.PAY_AMOUNT && !payAmountAllowed) {
            findings.outsideSubset(
                    member.path(),
                    LeftOperand.PAY_AMOUNT.term(),
                    "odrl:payAmount is only allowed in a duty whose action is compensate");
        }
        return operand.get();
    }

    private Operator operator(Members members, LeftOperand operand) {
        Members.Member member = members.get("operator");
        if (member == null) {
            findings.invalid(members.path(), "operator", "a constraint needs an operator");
            return null;
        }
        String text = termText(member.value());
        if (text == null) {
            findings.invalid(member.path(), "operator", "an operator is a term such as eq or an IRI");
            return null;
        }
        var operator = Operator.fromTerm(context.expand(text));
        if (operator.isEmpty()) {
            findings.outsideSubset(
                    member.path(), text, "operator not supported; TDS supports " + Terms.localNames(Operator.class));
            return null;
        }
        if (operand != null && !operand.allows(operator.get())) {
            findings.invalid(member.path(), operator.get().localName(), operand.operatorRefusal(operator.get()));
            return null;
        }
        return operator.get();
    }

    private String dataType(Members members, LeftOperand operand) {
        Members.Member member = members.get("dataType");
        if (member == null || operand == null) {
            return null;
        }
        String text = termText(member.value());
        String local = text == null ? null : context.xsdLocalName(text);
        if (local == null || !operand.valueType().acceptsXsdType(local)) {
            findings.invalid(
                    member.path(),
                    text == null ? "dataType" : text,
                    operand.term() + " takes " + operand.valueType().description());
            return null;
        }
        return local;
    }

    private String unit(Members members, LeftOperand operand) {
        Members.Member member = members.get("unit");
        if (operand == null) {
            return null;
        }
        if (!operand.takesUnit()) {
            if (member != null) {
                findings.outsideSubset(
                        member.path(), "unit", "only odrl:payAmount takes a unit; " + operand.term() + " does not");
            }
            return null;
        }
        String unit = member == null ? null : termText(member.value());
        String refusal = AtomicConstraint.unitRefusal(unit);
        if (refusal != null) {
            findings.invalid(member == null ? members.path() : member.path(), "unit", refusal);
            return null;
        }
        return unit;
    }

    private void expectType(Members members, String expected) {
        Members.Member type = members.get("@type");
        if (type != null && !expected.equals(localTerm(termText(type.value())))) {
            findings.invalid(type.path(), type.value().toString(), "this object's @type can only be " + expected);
        }
    }

    /** {@code odrl:Constraint} or the ODRL IRI → {@code Constraint}; other text unchanged; {@code null} stays null. */
    static String localTerm(String text) {
        return text == null ? null : Members.canonical(text);
    }

    /** The text of a term written as a string or as {@code {"@id": …}}; {@code null} when it is neither. */
    static String termText(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject()
                && node.size() == 1
                && node.has("@id")
                && node.get("@id").isTextual()) {
            return node.get("@id").asText();
        }
        return null;
    }
}
