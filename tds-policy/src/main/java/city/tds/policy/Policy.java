package city.tds.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A usage policy in the ODRL 2.2 subset TDS understands: who grants ({@code assigner}) what ({@code target}) to whom
 * ({@code assignee}), as permissions, prohibitions and obligations. Every policy grants or forbids something, stays
 * within {@link PolicyLimits}, and an {@link PolicyType#AGREEMENT} names its uid, assigner and assignee.
 *
 * @param uid the policy's IRI; {@code null} while an offer is being drafted
 * @param assigner the party granting the rules, usually the provider; may be {@code null}
 * @param assignee the party the rules are granted to, usually the consumer; may be {@code null}
 * @param target the asset (product or resource) the rules are about; may be {@code null}
 * @param permissions what may be done, each with its constraints and duties
 * @param prohibitions what must not be done; never carry duties
 * @param obligations duties that hold regardless of any permission
 * @param conflict what holds when a permission and a prohibition both apply; ODRL's default is {@link
 *     ConflictStrategy#INVALID}
 */
public record Policy(
        String uid,
        PolicyType type,
        String assigner,
        String assignee,
        String target,
        List<Rule> permissions,
        List<Rule> prohibitions,
        List<Duty> obligations,
        ConflictStrategy conflict) {

    public Policy {
        Objects.requireNonNull(type, "type");
        conflict = conflict == null ? ConflictStrategy.INVALID : conflict;
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        prohibitions = prohibitions == null ? List.of() : List.copyOf(prohibitions);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        requireNullOrNonBlank(uid, "uid");
        requireNullOrNonBlank(assigner, "assigner");
        requireNullOrNonBlank(assignee, "assignee");
        requireNullOrNonBlank(target, "target");
        if (permissions.isEmpty() && prohibitions.isEmpty() && obligations.isEmpty()) {
            throw new IllegalArgumentException("a policy must grant or forbid something");
        }
        if (prohibitions.stream().anyMatch(p -> !p.duties().isEmpty())) {
            throw new IllegalArgumentException("a prohibition cannot carry duties");
        }
        int rules = permissions.size()
                + prohibitions.size()
                + obligations.size()
                + permissions.stream().mapToInt(p -> p.duties().size()).sum();
        if (rules > PolicyLimits.MAX_RULES) {
            throw new IllegalArgumentException(
                    "a policy may have at most " + PolicyLimits.MAX_RULES + " rules; this one has " + rules);
        }
        int constraints = permissions.stream().mapToInt(Rule::constraintCount).sum()
                + prohibitions.stream().mapToInt(Rule::constraintCount).sum()
                + obligations.stream().mapToInt(Duty::constraintCount).sum();
        if (constraints > PolicyLimits.MAX_CONSTRAINTS) {
            throw new IllegalArgumentException("a policy may have at most " + PolicyLimits.MAX_CONSTRAINTS
                    + " constraints; this one has " + constraints);
        }
        if (type == PolicyType.AGREEMENT && (uid == null || assigner == null || assignee == null)) {
            throw new IllegalArgumentException("an agreement needs a uid, an assigner and an assignee");
        }
    }

    /** A policy with ODRL's default conflict strategy, {@link ConflictStrategy#INVALID}. */
    public Policy(
            String uid,
            PolicyType type,
            String assigner,
            String assignee,
            String target,
            List<Rule> permissions,
            List<Rule> prohibitions,
            List<Duty> obligations) {
        this(uid, type, assigner, assignee, target, permissions, prohibitions, obligations, ConflictStrategy.INVALID);
    }

    /**
     * The delivery modes some permission allows. A permission without an {@code odrl:deliveryChannel} constraint
     * allows every mode; one with such constraints allows the modes they can admit ({@code and} intersects,
     * {@code or} unites, a constraint on another operand admits every mode). The result is the union over the
     * permissions, less the modes an unconditional prohibition of the same action (or of {@code use}) rules out
     * when prohibitions win ({@code conflict} other than {@code perm}); a prohibition with constraints on other
     * operands only applies sometimes and removes nothing. A policy without permissions permits no mode.
     */
    public Set<DeliveryMode> permittedDeliveryModes() {
        return DeliveryModeAnalysis.permitted(this);
    }

    /** Whether any constraint of the policy (in a permission, prohibition, duty or obligation) is about {@code operand}. */
    public boolean constrains(LeftOperand operand) {
        return permissions.stream().anyMatch(r -> r.mentions(operand))
                || prohibitions.stream().anyMatch(r -> r.mentions(operand))
                || obligations.stream().anyMatch(d -> d.mentions(operand));
    }

    public Policy withUid(String newUid) {
        return new Policy(newUid, type, assigner, assignee, target, permissions, prohibitions, obligations, conflict);
    }

    public Policy withType(PolicyType newType) {
        return new Policy(uid, newType, assigner, assignee, target, permissions, prohibitions, obligations, conflict);
    }

    public Policy withAssigner(String newAssigner) {
        return new Policy(uid, type, newAssigner, assignee, target, permissions, prohibitions, obligations, conflict);
    }

    public Policy withAssignee(String newAssignee) {
        return new Policy(uid, type, assigner, newAssignee, target, permissions, prohibitions, obligations, conflict);
    }

    public Policy withTarget(String newTarget) {
        return new Policy(uid, type, assigner, assignee, newTarget, permissions, prohibitions, obligations, conflict);
    }

    private static void requireNullOrNonBlank(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("a policy's " + name + " must not be blank");
        }
    }
}
