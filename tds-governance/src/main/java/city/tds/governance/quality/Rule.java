package city.tds.governance.quality;

import java.time.LocalDateTime;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One quality rule, as written in a rule file (see {@link QualityRules#parse(String)}). Rules are immutable values;
 * {@link BoundRules} turns them into {@link RuleCheck}s for one table.
 *
 * <p>Conventions on missing values ({@code null}): only {@code not-null} counts them as failures. {@code unique},
 * {@code in-set}, {@code between}, {@code matches} and {@code freshness} skip them (they are not evaluated), so add a
 * {@code not-null} rule when a value is required. {@code compound-unique} skips rows where any of its columns is
 * missing, as an SQL unique constraint does. {@code row-count-between} counts every row.
 *
 * <p>{@code mostly} is the tolerance of a value rule: it passes when at least this share of its evaluated values
 * pass; 1.0 (the default) means every value must pass.
 */
public sealed interface Rule {

    /** The rule's name as written in a rule file, e.g. {@code not-null}. */
    String kind();

    /** The columns the rule reads, in order; empty for {@code row-count-between}. */
    List<String> columns();

    /** A short description for reports and messages, e.g. {@code between 增值税额 [0, 100000000]}. */
    String describe();

    /** Every value of the column is present. */
    record NotNull(String column, double mostly) implements Rule {
        public NotNull {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public String kind() {
            return "not-null";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column;
        }
    }

    /** No present value of the column occurs twice. */
    record Unique(String column, double mostly) implements Rule {
        public Unique {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public String kind() {
            return "unique";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column;
        }
    }

    /** Every present value is one of {@code values}, compared exactly (case and spaces count). */
    record InSet(String column, Set<String> values, double mostly) implements Rule {
        public InSet {
            Objects.requireNonNull(column, "column");
            values = Set.copyOf(values);
        }

        @Override
        public String kind() {
            return "in-set";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column + " " + values.stream().sorted().toList();
        }
    }

    /** Every present value is a number or a date within the range, bounds included. */
    record Between(String column, Range range, double mostly) implements Rule {
        public Between {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(range, "range");
        }

        @Override
        public String kind() {
            return "between";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column + " " + range;
        }
    }

    /** Every present value matches the regular expression as a whole (not just a part of it). */
    record Matches(String column, String pattern, double mostly) implements Rule {
        public Matches {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String kind() {
            return "matches";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column + " /" + pattern + "/";
        }
    }

    /** The table has between {@code min} and {@code max} rows, bounds included; {@code null} means unbounded. */
    record RowCountBetween(Long min, Long max) implements Rule {
        @Override
        public String kind() {
            return "row-count-between";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public String describe() {
            return kind() + " [" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]";
        }
    }

    /** No combination of present values of the columns occurs twice. */
    record CompoundUnique(List<String> columns, double mostly) implements Rule {
        public CompoundUnique {
            columns = List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "compound-unique";
        }

        @Override
        public String describe() {
            return kind() + " " + String.join(" + ", columns);
        }
    }

    /**
     * The newest date in the column is at most {@code maxAge} old, measured from the clock's now; local date-times
     * are read in the clock's zone.
     */
    record Freshness(String column, TemporalAmount maxAge) implements Rule {
        public Freshness {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(maxAge, "maxAge");
        }

        @Override
        public String kind() {
            return "freshness";
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public String describe() {
            return kind() + " " + column + " " + maxAgeText();
        }

        /** The maximum age in ISO-8601, whole days as {@code P40D} rather than {@code PT960H}. */
        public String maxAgeText() {
            if (maxAge instanceof java.time.Duration duration
                    && !duration.isZero()
                    && duration.getNano() == 0
                    && duration.getSeconds() % 86_400 == 0) {
                return "P" + duration.toDays() + "D";
            }
            return maxAge.toString();
        }
    }

    /** The bounds of a {@code between} rule: numbers or dates; a {@code null} bound is open. */
    sealed interface Range {}

    /** Numeric bounds. */
    record NumberRange(Double min, Double max) implements Range {
        @Override
        public String toString() {
            return "[" + text(min) + ", " + text(max) + "]";
        }

        private static String text(Double bound) {
            if (bound == null) {
                return "";
            }
            return bound == Math.rint(bound) && Math.abs(bound) < 1e15
                    ? Long.toString(bound.longValue())
                    : bound.toString();
        }
    }

    /**
     * Date bounds, read in the clock's zone. A date-only {@code max} in a rule file includes its whole day, so it is
     * held here as that day's last instant.
     */
    record DateRange(LocalDateTime min, LocalDateTime max) implements Range {
        @Override
        public String toString() {
            return "[" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]";
        }
    }
}
