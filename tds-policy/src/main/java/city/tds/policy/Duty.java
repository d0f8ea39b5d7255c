package city.tds.policy;

import java.util.List;
import java.util.Objects;

/**
 * Something the assignee must do: delete, inform, anonymize, attribute or compensate, under constraints (e.g. delete
 * within {@code P30D}; compensate with {@code odrl:payAmount eq 0.5} CNY). Only a {@link Action#COMPENSATE} duty may
 * constrain {@link LeftOperand#PAY_AMOUNT}.
 */
public record Duty(Action action, List<Constraint> constraints) {

    public Duty {
        Objects.requireNonNull(action, "action");
        constraints = List.copyOf(constraints);
        if (!action.isDutyAction()) {
            throw new IllegalArgumentException(
                    "a duty's action must be one of " + Action.dutyActionNames() + "; got " + action.localName());
        }
        for (Constraint constraint : constraints) {
            if (action != Action.COMPENSATE && constraint.mentions(LeftOperand.PAY_AMOUNT)) {
                throw new IllegalArgumentException(
                        "odrl:payAmount is only allowed in a duty whose action is compensate");
            }
            if (constraint.depth() > PolicyLimits.MAX_CONSTRAINT_DEPTH) {
                throw new IllegalArgumentException(
                        "constraints may nest at most " + PolicyLimits.MAX_CONSTRAINT_DEPTH + " levels deep");
            }
        }
    }

    public static Duty of(Action action, Constraint... constraints) {
        return new Duty(action, List.of(constraints));
    }

    /** Whether a constraint of this duty is about {@code operand}. */
    public boolean mentions(LeftOperand operand) {
        return constraints.stream().anyMatch(c -> c.mentions(operand));
    }

    int constraintCount() {
        return constraints.stream().mapToInt(Constraint::size).sum();
    }
}
