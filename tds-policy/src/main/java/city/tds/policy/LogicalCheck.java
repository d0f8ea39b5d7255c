package city.tds.policy;

import java.util.List;
import java.util.Set;

/** {@code and} / {@code or} over compiled checks, in three-valued logic. */
final class LogicalCheck implements Check {
    private final boolean all;
    private final Check[] operands;

    LogicalCheck(boolean all, List<Check> operands) {
        this.all = all;
        this.operands = operands.toArray(Check[]::new);
    }

    @Override
    public int test(UsageRequest request) {
        int result = all ? TRUE : FALSE;
        for (Check operand : operands) {
            int value = operand.test(request);
            if (all ? value == FALSE : value == TRUE) {
                return value;
            }
            if (value == UNKNOWN) {
                result = UNKNOWN;
            }
        }
        return result;
    }

    @Override
    public void explain(UsageRequest request, List<Refusal> refusals, Set<LeftOperand> missing) {
        int value = test(request);
        if (value == TRUE) {
            return;
        }
        for (Check operand : operands) {
            if (operand.test(request) == value) {
                operand.explain(request, refusals, missing);
            }
        }
    }
}
