package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link RuleCheck} promises: checks share no mutable state, so two checks of the same rule fed the same
 * rows, interleaved or on different threads, reach the same outcome as one check alone; and a check is finished once.
 */
class RuleCheckContractTest {

    private static final List<String> HEADER = List.of("id", "grade", "amount", "phone", "updated");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ rule: not-null, column: grade, mostly: 0.9 }",
                "{ rule: unique, column: id }",
                "{ rule: in-set, column: grade, values: [A, B, M, C, D] }",
                "{ rule: between, column: amount, min: 0, max: 500 }",
                "{ rule: between, column: updated, min: 2024-01-01, max: 2024-06-30 }",
                "{ rule: matches, column: phone, pattern: \"1[3-9][0-9]{9}\" }",
                "{ rule: row-count-between, min: 1, max: 100 }",
                "{ rule: compound-unique, columns: [id, grade] }",
                "{ rule: freshness, column: updated, max-age: P300D }"
            })
    void checksOfOneRuleAreIndependent(String rule) throws Exception {
        BoundRules rules = QualityRun.bind("rules: [" + rule + "]", HEADER);
        List<String[]> rows = rows();

        RuleOutcome alone = QualityRun.run(rules.checks(), rows).get(0);

        RuleCheck first = rules.checks().get(0);
        RuleCheck second = rules.checks().get(0);
        assertThat(first).isNotSameAs(second);
        String[] reused = new String[HEADER.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, reused, 0, reused.length);
            first.accept(i + 1, reused);
            second.accept(i + 1, reused);
        }
        assertThat(first.finish()).isEqualTo(alone);
        assertThat(second.finish()).isEqualTo(alone);
        assertThat(alone.evaluated()).isPositive();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RuleOutcome>> outcomes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                RuleCheck check = rules.checks().get(0);
                outcomes.add(threads.submit(
                        () -> QualityRun.run(List.of(check), rows).get(0)));
            }
            for (Future<RuleOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ rule: unique, column: id }", "{ rule: row-count-between, min: 1 }"})
    void aCheckFinishesOnce(String rule) {
        RuleCheck check =
                QualityRun.bind("rules: [" + rule + "]", HEADER).checks().get(0);
        check.finish();

        assertThatThrownBy(check::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> check.accept(1, new String[HEADER.size()])).isInstanceOf(IllegalStateException.class);
    }

    /** Rows where every rule fails somewhere, so the outcomes carry counts and samples. */
    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        String[] grades = {"A", "B", "X", null, "M"};
        for (int i = 0; i < 40; i++) {
            rows.add(new String[] {
                "id" + (i % 30),
                grades[i % grades.length],
                i % 7 == 0 ? "n/a" : Integer.toString(i * 17),
                i % 4 == 0 ? "12345" : "1390000" + String.format("%04d", i),
                i % 9 == 0 ? "unknown" : "2024-0" + (1 + i % 9) + "-15"
            });
        }
        return rows;
    }
}
