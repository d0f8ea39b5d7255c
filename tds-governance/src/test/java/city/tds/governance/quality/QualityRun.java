package city.tds.governance.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs rules from YAML over rows in memory, as the scan does: one check per rule, every row in order. */
final class QualityRun {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private QualityRun() {}

    static BoundRules bind(String yaml, List<String> header) {
        return QualityRules.parse(yaml)
                .orElseThrow()
                .bind(header, Map.of(), CLOCK)
                .orElseThrow();
    }

    static List<RuleOutcome> run(String yaml, List<String> header, List<String[]> rows) {
        return run(bind(yaml, header).checks(), rows);
    }

    static RuleOutcome runOne(String yaml, List<String> header, List<String[]> rows) {
        List<RuleOutcome> outcomes = run(yaml, header, rows);
        if (outcomes.size() != 1) {
            throw new IllegalArgumentException("expected one rule, got " + outcomes.size());
        }
        return outcomes.get(0);
    }

    /** Feeds each row through one reused array, as the scan does, so checks must copy what they keep. */
    static List<RuleOutcome> run(List<RuleCheck> checks, List<String[]> rows) {
        String[] reused = null;
        long rowNumber = 0;
        for (String[] row : rows) {
            if (reused == null || reused.length != row.length) {
                reused = new String[row.length];
            }
            System.arraycopy(row, 0, reused, 0, row.length);
            rowNumber++;
            for (RuleCheck check : checks) {
                check.accept(rowNumber, reused);
            }
            java.util.Arrays.fill(reused, "overwritten");
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (RuleCheck check : checks) {
            outcomes.add(check.finish());
        }
        return outcomes;
    }

    /** Rows of one column. */
    static List<String[]> column(String... values) {
        List<String[]> rows = new ArrayList<>();
        for (String value : values) {
            rows.add(new String[] {value});
        }
        return rows;
    }
}
