package city.tds.governance.grade;

import java.util.Map;

/**
 * What grading knows about a column: its name and, when its values were scanned, the sensitive kinds found in it with
 * their confidence, and how many distinct values it holds.
 *
 * @param kinds sensitive kind name ({@code RESIDENT_ID}, …) to the confidence of its finding, 0 to 1; empty when the
 *     values were not scanned
 * @param distinct estimated distinct values, or {@code -1} when unknown
 */
public record ColumnFacts(String name, Map<String, Double> kinds, long distinct) {

    public ColumnFacts {
        kinds = Map.copyOf(kinds);
    }

    /** A column known only by its name (a resource registered without a scan). */
    public static ColumnFacts named(String name) {
        return new ColumnFacts(name, Map.of(), -1);
    }
}
