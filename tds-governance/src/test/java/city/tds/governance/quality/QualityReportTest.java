package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.tds.governance.quality.RuleOutcome.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityReportTest {

    private static final Rule NOT_NULL = new Rule.NotNull("a", 0.9);
    private static final Rule BETWEEN = new Rule.Between("b", new Rule.NumberRange(0.0, 1.0), 1.0);
    private static final Rule ROWS = new Rule.RowCountBetween(1L, null);
    private static final Rule FRESH = new Rule.Freshness("c", Duration.ofDays(1));

    @Test
    void scoresTheMeanOfWhatEachRuleEarns() {
        QualityReport report = new QualityReport(
                "taxes.csv",
                List.of(
                        outcome(NOT_NULL, Status.PASSED, 0.95),
                        outcome(BETWEEN, Status.WRONG_TYPE, 0.4),
                        outcome(ROWS, Status.PASSED, 1.0),
                        outcome(FRESH, Status.FAILED, 0.0)));

        assertThat(report.score().getAsDouble()).isCloseTo(100 * (0.95 + 0 + 1 + 0) / 4, within(1e-9));
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).isEqualTo("taxes.csv: quality score 48.8, 2 of 4 rules passed");
        assertThat(report.lines())
                .containsExactly(
                        "PASSED      95.00 %  m not-null a",
                        "WRONG_TYPE  40.00 %  m between b [0, 1]",
                        "PASSED     100.00 %  m row-count-between [1, ]",
                        "FAILED       0.00 %  m freshness c P1D");
    }

    @Test
    void aFailedValueRuleStillEarnsItsPassRatio() {
        QualityReport report = new QualityReport("t", List.of(outcome(NOT_NULL, Status.FAILED, 0.8)));

        assertThat(report.score().getAsDouble()).isCloseTo(80, within(1e-9));
    }

    @Test
    void aResourceWithoutRulesHasNoScore() {
        QualityReport report = new QualityReport("t", List.of());

        assertThat(report.score()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("t: quality score none (no rules), 0 of 0 rules passed");
    }

    @Test
    void scoresARealRun() {
        List<RuleOutcome> outcomes = QualityRun.run(
                "rules: [{ rule: not-null, column: v }, { rule: in-set, column: v, values: [A] }]",
                List.of("v"),
                QualityRun.column("A", null, "A", "B"));

        assertThat(new QualityReport("t", outcomes).score().getAsDouble())
                .isCloseTo(100 * (0.75 + 2.0 / 3) / 2, within(1e-9));
    }

    private static RuleOutcome outcome(Rule rule, Status status, double passRatio) {
        return new RuleOutcome(
                rule, status, 100, Math.round(100 * (1 - passRatio)), passRatio, "m " + rule.describe(), List.of());
    }
}
