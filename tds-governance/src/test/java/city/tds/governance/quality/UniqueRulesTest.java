package city.tds.governance.quality;

import static city.tds.governance.quality.QualityRun.column;
import static city.tds.governance.quality.QualityRun.runOne;
import static org.assertj.core.api.Assertions.assertThat;

import city.tds.governance.quality.RuleOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueRulesTest {

    @Test
    void uniqueReportsEachRepeatWithTheRowItRepeats() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: unique, column: v }]", List.of("v"), column("a", "b", null, "a", null, "c", "a"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.evaluated()).isEqualTo(5);
        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(outcome.samples())
                .containsExactly(
                        new FailedRow(4, new String[] {"a"}, "duplicate of row 1"),
                        new FailedRow(7, new String[] {"a"}, "duplicate of row 1"));
        assertThat(outcome.message())
                .isEqualTo(
                        "unique v: 2 of 5 values failed (60.00 % pass); first duplicates: rows 1 and 4, rows 1 and 7");
    }

    @Test
    void uniqueFindsExactlyThreePlantedDuplicatesAmongAMillionValues() {
        BoundRules rules = QualityRun.bind("rules: [{ rule: unique, column: id }]", List.of("row", "id"));
        RuleCheck check = rules.checks().get(0);
        String[] row = new String[2];
        long planted1 = 1_000_000;
        for (long n = 1; n <= 1_000_000; n++) {
            row[0] = Long.toString(n);
            row[1] = n == 500_000 ? "ID-123" : n == 750_000 ? "ID-999999" : n == planted1 ? "ID-42" : "ID-" + n;
            check.accept(n, row);
        }

        RuleOutcome outcome = check.finish();

        assertThat(outcome.evaluated()).isEqualTo(1_000_000);
        assertThat(outcome.failed()).isEqualTo(3);
        assertThat(outcome.samples())
                .extracting(FailedRow::rowNumber, FailedRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(500_000L, "duplicate of row 123"),
                        org.assertj.core.groups.Tuple.tuple(999_999L, "duplicate of row 750000"),
                        org.assertj.core.groups.Tuple.tuple(1_000_000L, "duplicate of row 42"));
    }

    @Test
    void uniqueWithMostlyToleratesSomeDuplicates() {
        RuleOutcome outcome =
                runOne("rules: [{ rule: unique, column: v, mostly: 0.75 }]", List.of("v"), column("a", "b", "c", "a"));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.passRatio()).isEqualTo(0.75);
    }

    @Test
    void compoundUniqueComparesTheWholeCombinationAndSkipsRowsWithAMissingPart() {
        List<String[]> rows = List.of(
                new String[] {"91A", "2024-01", "x"},
                new String[] {"91A", "2024-02", "x"},
                new String[] {"91B", "2024-01", "x"},
                new String[] {"91A", null, "x"},
                new String[] {"91A", null, "x"},
                new String[] {"91A", "2024-02", "y"},
                new String[] {"91A2", "024-02", "x"});

        RuleOutcome outcome = runOne(
                "rules: [{ rule: compound-unique, columns: [code, month] }]", List.of("code", "month", "other"), rows);

        assertThat(outcome.evaluated()).isEqualTo(5);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.samples())
                .containsExactly(new FailedRow(6, new String[] {"91A", "2024-02", "y"}, "duplicate of row 2"));
    }

    @Test
    void compoundUniquePassesOnDistinctCombinations() {
        RuleOutcome outcome = runOne(
                "rules: [{ rule: compound-unique, columns: [a, b] }]",
                List.of("a", "b"),
                List.of(new String[] {"1", "2"}, new String[] {"2", "1"}, new String[] {"12", ""}));

        assertThat(outcome.status()).isEqualTo(Status.PASSED);
        assertThat(outcome.evaluated()).isEqualTo(3);
    }
}
