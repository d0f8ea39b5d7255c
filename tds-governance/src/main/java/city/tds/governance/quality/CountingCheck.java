package city.tds.governance.quality;

import java.util.Locale;

/**
 * The common part of the rules that judge rows one by one and pass when at least {@code mostly} of the judged rows
 * pass: counting, samples and the outcome.
 */
abstract class CountingCheck implements RuleCheck {

    /** {@link #judge} answers this for a row the rule does not evaluate, e.g. a missing value. */
    static final int SKIPPED = 0;

    static final int PASSES = 1;
    static final int FAILS = 2;

    private final Rule rule;
    private final int[] columns;
    private final double mostly;
    private final SampleRows samples = new SampleRows();
    private long evaluated;
    private long failed;
    private boolean finished;

    CountingCheck(Rule rule, int[] columns, double mostly) {
        this.rule = rule;
        this.columns = columns.clone();
        this.mostly = mostly;
    }

    /** {@link #SKIPPED}, {@link #PASSES} or {@link #FAILS}. */
    abstract int judge(long rowNumber, String[] row);

    /** Why the row just judged failed; called only for failed rows kept as samples. */
    abstract String reason(long rowNumber, String[] row);

    /** A message that the rule could not be judged for the column's type, or {@code null}. */
    String wrongType() {
        return null;
    }

    /** More to say after the counts, e.g. the first duplicates; empty by default. */
    String detail() {
        return "";
    }

    /** How many rows were evaluated so far. */
    final long evaluated() {
        return evaluated;
    }

    @Override
    public final Rule rule() {
        return rule;
    }

    @Override
    public final int[] columns() {
        return columns.clone();
    }

    @Override
    public final void accept(long rowNumber, String[] row) {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        int verdict = judge(rowNumber, row);
        if (verdict == SKIPPED) {
            return;
        }
        evaluated++;
        if (verdict == FAILS) {
            failed++;
            if (!samples.isFull()) {
                samples.add(rowNumber, row, reason(rowNumber, row));
            }
        }
    }

    @Override
    public final RuleOutcome finish() {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        finished = true;
        double passRatio = evaluated == 0 ? 1.0 : (double) (evaluated - failed) / evaluated;
        String wrongType = wrongType();
        if (wrongType != null) {
            return new RuleOutcome(
                    rule, RuleOutcome.Status.WRONG_TYPE, evaluated, failed, passRatio, wrongType, samples.rows());
        }
        RuleOutcome.Status status = passRatio >= mostly ? RuleOutcome.Status.PASSED : RuleOutcome.Status.FAILED;
        String message = String.format(
                Locale.ROOT,
                "%s: %d of %d values failed (%.2f %% pass%s)%s",
                rule.describe(),
                failed,
                evaluated,
                passRatio * 100,
                mostly < 1.0 ? String.format(Locale.ROOT, ", %.2f %% needed", mostly * 100) : "",
                detail());
        return new RuleOutcome(rule, status, evaluated, failed, passRatio, message, samples.rows());
    }
}
