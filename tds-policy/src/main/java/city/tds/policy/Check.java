package city.tds.policy;

import java.util.List;
import java.util.Set;

/**
 * A compiled constraint: tests a request in three-valued logic ({@link #TRUE}, {@link #FALSE}, {@link #UNKNOWN} when
 * the request lacks the fact), and explains itself when it does not hold.
 */
interface Check {
    int FALSE = 0;
    int TRUE = 1;
    int UNKNOWN = 2;

    /** Always true: a rule without constraints. */
    Check ALWAYS = new Check() {
        @Override
        public int test(UsageRequest request) {
            return TRUE;
        }

        @Override
        public void explain(UsageRequest request, List<Refusal> refusals, Set<LeftOperand> missing) {}
    };

    int test(UsageRequest request);

    /**
     * Adds why this check is not {@link #TRUE} for {@code request} to {@code refusals}: when it is {@link #FALSE}, the
     * failed constraints; when {@link #UNKNOWN}, the constraints waiting on a fact, whose operands go to {@code
     * missing}. Adds nothing when it holds.
     */
    void explain(UsageRequest request, List<Refusal> refusals, Set<LeftOperand> missing);
}
