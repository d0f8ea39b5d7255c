package city.tds.governance.grade;

import java.util.List;
import java.util.Locale;

/** A rule that grades a column on the kinds found in its values or on keywords (lower case) in its name. */
record ColumnRule(String id, List<String> kinds, List<String> names, Grade grade, String category, String because) {

    boolean firesOn(ColumnFacts column, double minConfidence) {
        for (String kind : kinds) {
            Double confidence = column.kinds().get(kind);
            if (confidence != null && confidence >= minConfidence) {
                return true;
            }
        }
        String name = column.name().toLowerCase(Locale.ROOT);
        for (String keyword : names) {
            if (name.contains(keyword)) {
                return true;
            }
        }
        return false;
    }
}
