package city.tds.governance.quality;

import static city.tds.governance.quality.QualityRun.column;
import static city.tds.governance.quality.QualityRun.runOne;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.governance.quality.RuleOutcome.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRulesTest {

    private static final List<String> HEADER = List.of("t");

    @Test
    void rowCountBetweenCountsEveryRow() {
        String rule = "rules: [{ rule: row-count-between, min: 2, max: 3 }]";

        assertThat(runOne(rule, HEADER, column("a", null, "c")).status()).isEqualTo(Status.PASSED);
        RuleOutcome tooFew = runOne(rule, HEADER, column("a"));
        assertThat(tooFew.status()).isEqualTo(Status.FAILED);
        assertThat(tooFew.passRatio()).isZero();
        assertThat(tooFew.message()).isEqualTo("row-count-between [2, 3]: 1 rows, fewer than 2");
        assertThat(runOne(rule, HEADER, column("a", "b", "c", "d")).message()).endsWith("4 rows, more than 3");
    }

    @Test
    void freshnessPassesWhenTheNewestValueIsWithinTheMaximumAge() {
        // the clock says 2025-03-01 12:00 in Shanghai; 40 days before is 2025-01-20 12:00
        RuleOutcome outcome = runOne(
                "rules: [{ rule: freshness, column: t, max-age: P40D }]",
                HEADER,
                column("2024-12-01", "2025-01-20 12:00:00", null, "2025-01-02"));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.passRatio()).isEqualTo(1.0);
        assertThat(outcome.message())
                .isEqualTo("freshness t P40D: newest value 2025-01-20T12:00 (row 2) is 40 days old, within P40D");
    }

    @Test
    void freshnessFailsWhenTheNewestValueIsOlder() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: freshness, column: t, max-age: P40D }]",
                HEADER,
                column("2025-01-20 11:59:59", "2024-06-01"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.passRatio()).isZero();
        assertThat(outcome.message()).contains("older than P40D");
    }

    @Test
    void freshnessReadsOffsetsAndTheClocksZone() {
        String rule = "rules: [{ rule: freshness, column: t, max-age: PT1H }]";
        // 03:30 UTC is 11:30 in Shanghai, 30 minutes before the clock's 12:00
        assertThat(runOne(rule, HEADER, column("2025-03-01T03:30:00Z")).status())
                .isEqualTo(Status.PASSED);
        assertThat(runOne(rule, HEADER, column("2025-03-01 11:30")).status()).isEqualTo(Status.PASSED);
        assertThat(runOne(rule, HEADER, column("2025-03-01T11:30:00+09:00")).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void freshnessCountsValuesThatAreNotDatesAndIsTheWrongTypeWithoutAnyDate() {
        String rule = "rules: [{ rule: freshness, column: t, max-age: P40D }]";
        RuleOutcome mixed = runOne(rule, HEADER, column("yesterday", "2025-02-28"));
        assertThat(mixed.status()).isEqualTo(Status.PASSED);
        assertThat(mixed.failed()).isEqualTo(1);
        assertThat(mixed.samples()).containsExactly(new FailedRow(1, new String[] {"yesterday"}, "not a date"));

        RuleOutcome noDates = runOne(rule, HEADER, column("yesterday", "today"));
        assertThat(noDates.status()).isEqualTo(Status.WRONG_TYPE);
        assertThat(noDates.message())
                .isEqualTo("freshness t P40D: wrong type, none of the 2 present values of column t is a date");

        assertThat(runOne(rule, HEADER, column(null, null)).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void freshnessMeasuresFromTheClockAtFinish() {
        BoundRules rules = QualityRules.parse("rules: [{ rule: freshness, column: t, max-age: P1D }]")
                .orElseThrow()
                .bind(HEADER, Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneId.of("UTC")))
                .orElseThrow();

        RuleOutcome outcome =
                QualityRun.run(rules.checks(), column("2025-03-01")).get(0);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).contains("newest value 2025-03-01T00:00 (row 1)");
    }

    @Test
    void freshnessOfAValueInTheFutureSaysSo() {
        RuleOutcome outcome =
                runOne("rules: [{ rule: freshness, column: t, max-age: P1D }]", HEADER, column("2026-01-01"));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.message()).contains("is in the future");
    }

    @Test
    void declaredTypesDoNotStopTheEvaluationOfUntypedColumns() {
        BoundRules rules = QualityRules.parse("rules: [{ rule: freshness, column: t, max-age: P1D }]")
                .orElseThrow()
                .bind(HEADER, Map.of("other", ColumnType.TEXT), QualityRun.CLOCK)
                .orElseThrow();

        assertThat(rules.checks()).hasSize(1);
    }
}
