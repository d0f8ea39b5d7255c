package city.tds.governance.profile;

import java.util.List;

/**
 * What one pass over a column found.
 *
 * @param values rows seen
 * @param missing rows where the value was missing (empty field, SQL NULL)
 * @param blank rows whose value was only white space
 * @param kind the kind that at least 95 % of the present values have (integers and decimals together are DECIMAL),
 *     else TEXT
 * @param kindCounts how many present values had each kind, indexed by {@link ValueKind#ordinal()}
 * @param distinct estimated number of distinct present values (about 1.6 % error above a few hundred)
 * @param min the smallest present value (numerically for INTEGER and DECIMAL columns, else by text)
 * @param max the largest present value
 * @param mean the mean for INTEGER and DECIMAL columns, else {@code NaN}
 * @param minLength the shortest present value, in characters
 * @param maxLength the longest present value, in characters
 * @param meanLength the mean length of present values
 * @param topValues the most frequent values, most frequent first (raw: a report masks them)
 * @param topValuesExact whether the counts of {@code topValues} are exact (the column had few distinct values)
 * @param patterns the most frequent shapes of values ({@code 9} a digit, {@code A}/{@code a} a Latin letter,
 *     {@code 汉} a Chinese character), each with one example (raw)
 */
public record ColumnProfile(
        String column,
        long values,
        long missing,
        long blank,
        ValueKind kind,
        long[] kindCounts,
        long distinct,
        String min,
        String max,
        double mean,
        int minLength,
        int maxLength,
        double meanLength,
        List<Counted> topValues,
        boolean topValuesExact,
        List<Pattern> patterns) {

    /** The share of rows with no value. */
    public double missingRatio() {
        return values == 0 ? 0 : (double) missing / values;
    }

    /** A value and how often it occurred. */
    public record Counted(String value, long count) {}

    /** A shape of values, how often it occurred and one value that has it. */
    public record Pattern(String shape, long count, String example) {}
}
