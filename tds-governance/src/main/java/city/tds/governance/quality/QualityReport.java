package city.tds.governance.quality;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The quality of one resource (one table): its rule outcomes and a score.
 *
 * <p><b>Score.</b> Each rule is one expectation the provider stated about the data, and each counts the same: the
 * score is 100 × the mean over the rules of what each rule earns. A value rule (not-null, unique, in-set, between,
 * matches, compound-unique) earns its pass ratio, the share of its evaluated values that satisfy it, whether or not
 * it met its {@code mostly} tolerance: the score measures the data, the status measures the verdict. A table rule
 * (row-count-between, freshness) earns 1 when it passed and 0 when it failed, since a truncated or stale table is
 * wrong as a whole. A {@code WRONG_TYPE} outcome earns 0: the column does not hold what the rule expects, so none of
 * that expectation is met. So the score is the share of expectations met, with partial credit for values; it is
 * monotone in every rule's pass ratio and does not depend on the table's size. A resource without rules has no score.
 *
 * @param resource what was checked, e.g. a resource id or file name
 * @param outcomes the outcomes, in rule order
 */
public record QualityReport(String resource, List<RuleOutcome> outcomes) {

    public QualityReport {
        Objects.requireNonNull(resource, "resource");
        outcomes = List.copyOf(outcomes);
    }

    /** The score from 0 to 100, as defined above; empty when there are no outcomes. */
    public OptionalDouble score() {
        if (outcomes.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (RuleOutcome outcome : outcomes) {
            sum += earned(outcome);
        }
        return OptionalDouble.of(100 * sum / outcomes.size());
    }

    /** Whether every rule passed. */
    public boolean passed() {
        return outcomes.stream().allMatch(outcome -> outcome.status() == RuleOutcome.Status.PASSED);
    }

    /** One line per rule: status, pass ratio and message, e.g. {@code FAILED      98.80 %  not-null 联系人: ...}. */
    public List<String> lines() {
        return outcomes.stream()
                .map(outcome -> String.format(
                        Locale.ROOT,
                        "%-10s %6.2f %%  %s",
                        outcome.status(),
                        outcome.passRatio() * 100,
                        outcome.message()))
                .toList();
    }

    /** The headline: resource, score and how many rules passed. */
    public String summary() {
        long passed = outcomes.stream()
                .filter(outcome -> outcome.status() == RuleOutcome.Status.PASSED)
                .count();
        OptionalDouble score = score();
        return String.format(
                Locale.ROOT,
                "%s: quality score %s, %d of %d rules passed",
                resource,
                score.isPresent() ? String.format(Locale.ROOT, "%.1f", score.getAsDouble()) : "none (no rules)",
                passed,
                outcomes.size());
    }

    private static double earned(RuleOutcome outcome) {
        if (outcome.status() == RuleOutcome.Status.WRONG_TYPE) {
            return 0;
        }
        Rule rule = outcome.rule();
        if (rule instanceof Rule.RowCountBetween || rule instanceof Rule.Freshness) {
            return outcome.status() == RuleOutcome.Status.PASSED ? 1 : 0;
        }
        return outcome.passRatio();
    }
}
