package city.tds.governance.quality;

import java.util.ArrayList;
import java.util.List;

/** The first {@value RuleOutcome#MAX_SAMPLES} failed rows of a check, copied since the scan reuses row arrays. */
final class SampleRows {

    private final List<FailedRow> rows = new ArrayList<>(RuleOutcome.MAX_SAMPLES);

    void add(long rowNumber, String[] row, String reason) {
        if (rows.size() < RuleOutcome.MAX_SAMPLES) {
            rows.add(new FailedRow(rowNumber, row.clone(), reason));
        }
    }

    boolean isFull() {
        return rows.size() >= RuleOutcome.MAX_SAMPLES;
    }

    List<FailedRow> rows() {
        return List.copyOf(rows);
    }
}
