package city.tds.governance.quality;

import static city.tds.governance.quality.QualityRun.column;
import static city.tds.governance.quality.QualityRun.runOne;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.governance.quality.RuleOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRulesTest {

    private static final List<String> HEADER = List.of("v");

    @Test
    void notNullCountsMissingValuesAndNotEmptyOnes() {
        RuleOutcome outcome = runOne("rules: [{ rule: not-null, column: v }]", HEADER, column("a", null, "", "b"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.evaluated()).isEqualTo(4);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.passRatio()).isEqualTo(0.75);
        assertThat(outcome.samples()).containsExactly(new FailedRow(2, new String[] {null}, "missing"));
        assertThat(outcome.message()).isEqualTo("not-null v: 1 of 4 values failed (75.00 % pass)");
    }

    @Test
    void notNullPassesWhenEveryValueIsPresent() {
        RuleOutcome outcome = runOne("rules: [{ rule: not-null, column: v }]", HEADER, column("a", "b"));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.passRatio()).isEqualTo(1.0);
        assertThat(outcome.samples()).isEmpty();
    }

    @Test
    void mostlyToleratesTheGivenShareOfFailures() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new String[] {i < 5 ? null : "x"});
        }
        String rule = "rules: [{ rule: not-null, column: v, mostly: %s }]";

        assertThat(runOne(rule.formatted("0.95"), HEADER, rows).status()).isEqualTo(Status.PASSED);
        assertThat(runOne(rule.formatted("0.96"), HEADER, rows).status()).isEqualTo(Status.FAILED);
        assertThat(runOne(rule.formatted("0.96"), HEADER, rows).message())
                .isEqualTo("not-null v: 5 of 100 values failed (95.00 % pass, 96.00 % needed)");
    }

    @Test
    void keepsTheFirstFiveFailedRowsInRowOrderAsCopies() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(new String[] {i % 2 == 0 ? "bad" + i : "A"});
        }

        RuleOutcome outcome = runOne("rules: [{ rule: in-set, column: v, values: [A] }]", HEADER, rows);

        assertThat(outcome.failed()).isEqualTo(10);
        assertThat(outcome.samples()).extracting(FailedRow::rowNumber).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(outcome.samples())
                .extracting(sample -> sample.row()[0])
                .containsExactly("bad2", "bad4", "bad6", "bad8", "bad10");
        assertThat(outcome.samples()).extracting(FailedRow::reason).containsOnly("not in the set");
    }

    @Test
    void inSetSkipsMissingValuesAndComparesExactly() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: in-set, column: v, values: [A, B] }]", HEADER, column("A", null, "a", "B ", "B"));

        assertThat(outcome.evaluated()).isEqualTo(4);
        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(outcome.samples()).extracting(FailedRow::rowNumber).containsExactly(3L, 4L);
    }

    @Test
    void inSetWithNotNullCatchesTheMissingValue() {
        List<RuleOutcome> outcomes = QualityRun.run(
                "rules: [{ rule: in-set, column: v, values: [A] }, { rule: not-null, column: v }]",
                HEADER,
                column("A", null));

        assertThat(outcomes).extracting(RuleOutcome::status).containsExactly(Status.PASSED, Status.FAILED);
    }

    @Test
    void betweenChecksNumbersWithInclusiveBounds() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: between, column: v, min: 0, max: 100.5 }]",
                HEADER,
                column("0", "100.5", " 42 ", "-0.01", "100.51", "1e2", null, "12,5"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.evaluated()).isEqualTo(7);
        assertThat(outcome.failed()).isEqualTo(3);
        assertThat(outcome.samples())
                .extracting(FailedRow::reason)
                .containsExactly("below the minimum", "above the maximum", "not a number");
    }

    @Test
    void betweenOnAColumnWithoutNumbersIsTheWrongType() {
        RuleOutcome outcome =
                runOne("rules: [{ rule: between, column: v, min: 0, max: 10 }]", HEADER, column("abc", null, "N/A"));

        assertThat(outcome.status()).isEqualTo(Status.WRONG_TYPE);
        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(outcome.samples()).extracting(FailedRow::reason).containsOnly("not a number");
        assertThat(outcome.message())
                .isEqualTo("between v [0, 10]: wrong type, none of the 2 present values of column v is a number");
    }

    @Test
    void betweenOnlyMissingValuesPassesAndIsNotTheWrongType() {
        RuleOutcome outcome = runOne("rules: [{ rule: between, column: v, min: 0 }]", HEADER, column(null, null));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.evaluated()).isZero();
    }

    @Test
    void betweenChecksDatesAndADateOnlyMaxIncludesItsDay() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: between, column: v, min: 2024-01-01, max: 2024-12-31 }]",
                HEADER,
                column("2024-01-01", "2024-12-31 23:59:59", "2024/6/1", "2023-12-31T23:59", "2025-01-01", "soon"));

        assertThat(outcome.evaluated()).isEqualTo(6);
        assertThat(outcome.samples())
                .extracting(FailedRow::rowNumber, FailedRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "before the minimum"),
                        org.assertj.core.groups.Tuple.tuple(5L, "after the maximum"),
                        org.assertj.core.groups.Tuple.tuple(6L, "not a date"));
    }

    @Test
    void betweenDatesOnAColumnWithoutDatesIsTheWrongType() {
        RuleOutcome outcome =
                runOne("rules: [{ rule: between, column: v, min: 2024-01-01 }]", HEADER, column("12", "x"));

        assertThat(outcome.status()).isEqualTo(Status.WRONG_TYPE);
        assertThat(outcome.message()).contains("between v", "column v is a date");
    }

    @Test
    void matchesNeedsTheWholeValueToMatch() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: matches, column: v, pattern: \"1[3-9][0-9]{9}\" }]",
                HEADER, column("13912345678", "139123456789", "x13912345678", null, "12912345678"));

        assertThat(outcome.evaluated()).isEqualTo(4);
        assertThat(outcome.samples()).extracting(FailedRow::rowNumber).containsExactly(2L, 3L, 5L);
        assertThat(outcome.samples()).extracting(FailedRow::reason).containsOnly("does not match");
    }
}
