package city.tds.policy;

import java.util.List;
import java.util.Objects;

/**
 * A permission or a prohibition: an action, constraints that must all hold for the rule to apply, and (for a
 * permission only) duties the assignee takes on by exercising it. {@link LeftOperand#PAY_AMOUNT} is not allowed
 * here; it belongs in a {@link Action#COMPENSATE} duty.
 */
public record Rule(Action action, List<Constraint> constraints, List<Duty> duties) {

    public Rule {
        Objects.requireNonNull(action, "action");
        constraints = List.copyOf(constraints);
        duties = List.copyOf(duties);
        for (Constraint constraint : constraints) {
            if (constraint.mentions(LeftOperand.PAY_AMOUNT)) {
                throw new IllegalArgumentException(
                        "odrl:payAmount is only allowed in a duty whose action is compensate");
            }
            if (constraint.depth() > PolicyLimits.MAX_CONSTRAINT_DEPTH) {
                throw new IllegalArgumentException(
                        "constraints may nest at most " + PolicyLimits.MAX_CONSTRAINT_DEPTH + " levels deep");
            }
        }
    }

    /** A rule without duties. */
    public Rule(Action action, List<Constraint> constraints) {
        this(action, constraints, List.of());
    }

    /** A rule without duties. */
    public static Rule of(Action action, Constraint... constraints) {
        return new Rule(action, List.of(constraints), List.of());
    }

    /** Whether a constraint of this rule or of its duties is about {@code operand}. */
    public boolean mentions(LeftOperand operand) {
        return constraints.stream().anyMatch(c -> c.mentions(operand))
                || duties.stream().anyMatch(d -> d.mentions(operand));
    }

    int constraintCount() {
        return constraints.stream().mapToInt(Constraint::size).sum()
                + duties.stream().mapToInt(Duty::constraintCount).sum();
    }
}
