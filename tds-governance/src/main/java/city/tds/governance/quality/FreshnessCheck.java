package city.tds.governance.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks {@link Rule.Freshness}: finds the newest date of the column and passes when it is no older than the rule's
 * maximum age at {@link #finish()} time, by the clock. Missing values are skipped; present values that are not dates
 * count as failed values with samples ("not a date") but do not decide the outcome, the newest date does. When no
 * present value is a date the outcome is {@code WRONG_TYPE}; when the column has no present value it is
 * {@code FAILED}.
 */
final class FreshnessCheck implements RuleCheck {

    private final Rule.Freshness rule;
    private final int column;
    private final Clock clock;
    private final DateTimeParser parser;
    private final SampleRows samples = new SampleRows();
    private long present;
    private long notDates;
    private long newest = Long.MIN_VALUE;
    private long newestRow;
    private boolean finished;

    FreshnessCheck(Rule.Freshness rule, int column, Clock clock) {
        this.rule = rule;
        this.column = column;
        this.clock = clock;
        this.parser = new DateTimeParser(clock.getZone());
    }

    @Override
    public Rule rule() {
        return rule;
    }

    @Override
    public int[] columns() {
        return new int[] {column};
    }

    @Override
    public void accept(long rowNumber, String[] row) {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        String value = row[column];
        if (value == null) {
            return;
        }
        present++;
        long millis = parser.parse(value);
        if (millis == DateTimeParser.NOT_A_DATE) {
            notDates++;
            samples.add(rowNumber, row, "not a date");
        } else if (millis > newest) {
            newest = millis;
            newestRow = rowNumber;
        }
    }

    @Override
    public RuleOutcome finish() {
        if (finished) {
            throw new IllegalStateException("check of " + rule.describe() + " already finished");
        }
        finished = true;
        if (present == 0) {
            return outcome(RuleOutcome.Status.FAILED, rule.describe() + ": column " + rule.column() + " has no values");
        }
        if (present == notDates) {
            return outcome(
                    RuleOutcome.Status.WRONG_TYPE,
                    rule.describe() + ": wrong type, none of the " + present + " present values of column "
                            + rule.column() + " is a date");
        }
        Instant now = clock.instant();
        Instant cutoff = now.atZone(clock.getZone()).minus(rule.maxAge()).toInstant();
        Instant newestInstant = Instant.ofEpochMilli(newest);
        boolean fresh = !newestInstant.isBefore(cutoff);
        Duration age = Duration.between(newestInstant, now);
        String message = rule.describe() + ": newest value "
                + newestInstant.atZone(clock.getZone()).toLocalDateTime()
                + " (row " + newestRow + ") is " + describe(age) + ", " + (fresh ? "within " : "older than ")
                + rule.maxAgeText() + (notDates > 0 ? "; " + notDates + " values are not dates" : "");
        return outcome(fresh ? RuleOutcome.Status.PASSED : RuleOutcome.Status.FAILED, message);
    }

    private RuleOutcome outcome(RuleOutcome.Status status, String message) {
        return new RuleOutcome(
                rule,
                status,
                present,
                notDates,
                status == RuleOutcome.Status.PASSED ? 1.0 : 0.0,
                message,
                samples.rows());
    }

    private static String describe(Duration age) {
        if (age.isNegative()) {
            return "in the future";
        }
        return (age.toDays() > 0 ? age.toDays() + " days" : age.toHours() + " hours") + " old";
    }
}
