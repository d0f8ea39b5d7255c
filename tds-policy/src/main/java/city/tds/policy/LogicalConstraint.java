package city.tds.policy;

import java.util.List;
import java.util.Objects;

/**
 * Constraints combined with {@code and} (all hold) or {@code or} (at least one holds). Nesting is limited to {@link
 * PolicyLimits#MAX_CONSTRAINT_DEPTH} levels.
 *
 * @param op how the operands combine
 * @param operands one or more constraints
 */
public record LogicalConstraint(LogicalOperator op, List<Constraint> operands) implements Constraint {

    public LogicalConstraint {
        Objects.requireNonNull(op, "op");
        operands = List.copyOf(operands);
        if (operands.isEmpty()) {
            throw new IllegalArgumentException("'" + op.localName() + "' needs at least one constraint");
        }
        int depth = 1 + operands.stream().mapToInt(Constraint::depth).max().orElse(0);
        if (depth > PolicyLimits.MAX_CONSTRAINT_DEPTH) {
            throw new IllegalArgumentException(
                    "constraints may nest at most " + PolicyLimits.MAX_CONSTRAINT_DEPTH + " levels deep");
        }
    }

    @Override
    public int depth() {
        return 1 + operands.stream().mapToInt(Constraint::depth).max().orElse(0);
    }

    @Override
    public int size() {
        return 1 + operands.stream().mapToInt(Constraint::size).sum();
    }

    @Override
    public boolean mentions(LeftOperand operand) {
        return operands.stream().anyMatch(c -> c.mentions(operand));
    }
}
