package city.tds.governance.profile;

/** What the values of a column look like, as far as one pass over their text can tell. */
public enum ValueKind {
    /** Whole numbers without leading zeros, up to 18 digits. */
    INTEGER,
    /** Numbers with a decimal point (or integers and decimals mixed). */
    DECIMAL,
    /** Dates written {@code yyyy-MM-dd} or {@code yyyy/MM/dd}. */
    DATE,
    /** Date and time, {@code yyyy-MM-dd HH:mm[:ss]} or with {@code T}. */
    DATETIME,
    /** {@code true/false}, {@code 是/否}, {@code Y/N}. */
    BOOLEAN,
    /** Anything else, including codes made of digits (ID numbers, phone numbers, codes with leading zeros). */
    TEXT,
    /** No value at all was present. */
    EMPTY
}
