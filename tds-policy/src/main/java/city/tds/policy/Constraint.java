package city.tds.policy;

import java.util.List;

/**
 * A condition on a rule: either an {@link AtomicConstraint} ({@code leftOperand operator rightOperand}) or a
 * {@link LogicalConstraint} combining others with {@code and} / {@code or}.
 */
public sealed interface Constraint permits AtomicConstraint, LogicalConstraint {

    /** Nesting depth: 1 for an atomic constraint, one more than its deepest operand for a logical one. */
    int depth();

    /** How many constraints this is, counting itself and everything nested in it. */
    int size();

    /** Whether this constraint, or one nested in it, is about {@code operand}. */
    boolean mentions(LeftOperand operand);

    static AtomicConstraint of(LeftOperand leftOperand, Operator operator, RightOperand rightOperand) {
        return new AtomicConstraint(leftOperand, operator, rightOperand, null);
    }

    static LogicalConstraint and(Constraint... operands) {
        return new LogicalConstraint(LogicalOperator.AND, List.of(operands));
    }

    static LogicalConstraint or(Constraint... operands) {
        return new LogicalConstraint(LogicalOperator.OR, List.of(operands));
    }
}
