package city.tds.governance.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule that grades a whole resource: a column of {@code category} with at least {@code minDistinct} distinct values
 * (the scale of personal information), or all of {@code allKinds} found together in its columns.
 */
record ResourceRule(String id, String category, long minDistinct, List<String> allKinds, Grade grade, String because) {

    /** The columns the rule fires on, comma-separated, or {@code null} if it does not fire. */
    String firesOn(List<ColumnFacts> columns, Map<String, GradeProposal> proposals, double minConfidence) {
        List<String> on = new ArrayList<>();
        if (!allKinds.isEmpty()) {
            for (String kind : allKinds) {
                String column = columns.stream()
                        .filter(c -> c.kinds().getOrDefault(kind, 0.0) >= minConfidence)
                        .map(ColumnFacts::name)
                        .findFirst()
                        .orElse(null);
                if (column == null) {
                    return null;
                }
                if (!on.contains(column)) {
                    on.add(column);
                }
            }
            return String.join(",", on);
        }
        for (ColumnFacts column : columns) {
            GradeProposal proposal = proposals.get(column.name());
            if (proposal.category().equals(category) && column.distinct() >= minDistinct) {
                on.add(column.name());
            }
        }
        return on.isEmpty() ? null : String.join(",", on);
    }
}
