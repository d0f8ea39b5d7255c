package city.tds.governance.quality;

import java.util.List;

/** Checks {@link Rule.RowCountBetween}: counts every row; passes when the count is within the bounds. */
final class RowCountCheck implements RuleCheck {

    private final Rule.RowCountBetween rule;
    private long rows;
    private boolean finished;

    RowCountCheck(Rule.RowCountBetween rule) {
        this.rule = rule;
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public int[] columns() {
        return new int[0];
    }

    @Override
    public void accept(long rowNumber, String[] row) {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        rows++;
    }

    @Override
    public RuleOutcome finish() {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        finished = true;
        boolean tooFew = rule.min() != null && rows < rule.min();
        boolean tooMany = rule.max() != null && rows > rule.max();
        boolean passed = !tooFew && !tooMany;
        String verdict = tooFew ? "fewer than " + rule.min() : tooMany ? "more than " + rule.max() : "within bounds";
        return new RuleOutcome(
                rule,
                passed ? RuleOutcome.Status.PASSED : RuleOutcome.Status.FAILED,
                rows,
                passed ? 0 : 1,
                passed ? 1.0 : 0.0,
                rule.describe() + ": " + rows + " rows, " + verdict,
                List.of());
    }
}
