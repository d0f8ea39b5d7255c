package city.tds.policy;

/**
 * Size limits on a policy, so that reading or evaluating one stays cheap. A policy beyond them is refused as outside
 * the subset.
 */
public final class PolicyLimits {

    /** Permissions, prohibitions, obligations and the duties of permissions, together. */
    public static final int MAX_RULES = 64;

    /** Nesting levels of constraints: a rule's own constraints are level 1, the operands of an {@code and} one deeper. */
    public static final int MAX_CONSTRAINT_DEPTH = 4;

    /** Constraints (atomic and logical) in the whole policy. */
    public static final int MAX_CONSTRAINTS = 256;

    /** Values in one set-valued right operand. */
    public static final int MAX_VALUES = 1000;

    private PolicyLimits() {}
}
