package city.tds.governance.quality;

import java.util.List;
import java.util.Objects;

/**
 * What one rule found in one table.
 *
 * @param rule the rule
 * @param status whether it passed
 * @param evaluated how many values (rows, for table rules) the rule judged; missing values a rule skips do not count
 * @param failed how many of them failed
 * @param passRatio the share of evaluated values that passed, 1.0 when none were evaluated; for the table rules
 *     {@code row-count-between} and {@code freshness} it is 1.0 when they passed and 0.0 otherwise
 * @param message a one-line human summary naming the rule and column
 * @param samples the first failed rows in row order, at most {@value #MAX_SAMPLES}; raw values, masked by the scan
 *     before they are shown
 */
public record RuleOutcome(
        Rule rule,
        Status status,
        long evaluated,
        long failed,
        double passRatio,
        String message,
        List<FailedRow> samples) {

    /** The most samples an outcome keeps. */
    public static final int MAX_SAMPLES = 5;

    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        samples = List.copyOf(samples);
    }

    /** Whether a rule passed. */
    public enum Status {
        /** The rule held (within its {@code mostly} tolerance). */
        PASSED,
        /** The rule did not hold. */
        FAILED,
        /** The rule could not be judged: no present value of its column had the type the rule needs. */
        WRONG_TYPE
    }
}
