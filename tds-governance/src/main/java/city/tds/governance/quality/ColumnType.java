package city.tds.governance.quality;

/**
 * The type a caller declares for a column when it knows one, e.g. from a JDBC result's metadata. CSV columns have no
 * declared type; rules on them find wrong types while evaluating (see {@link RuleOutcome.Status#WRONG_TYPE}).
 */
public enum ColumnType {
    /** Integer or decimal numbers. */
    NUMBER,
    /** Dates, times and timestamps. */
    DATE,
    /** Character data. */
    TEXT,
    /** True or false. */
    BOOLEAN
}
