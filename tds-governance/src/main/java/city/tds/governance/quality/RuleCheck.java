package city.tds.governance.quality;

/**
 * Evaluates one rule over one table in a single streaming pass.
 *
 * <p>A check is single-threaded and shares no mutable state with any other check, so a scan may run different
 * checks on different threads, as long as each check sees every row, in order, on one thread at a time. The scan
 * reuses row arrays; a check copies what it keeps.
 */
public interface RuleCheck {

    /** The rule this check evaluates. */
    Rule rule();

    /** The indexes in the header of the columns the check reads; a fresh array. */
    int[] columns();

    /**
     * Judges one row.
     *
     * @param rowNumber the 1-based data row number; rows come in increasing order
     * @param row one value per header column, {@code null} for a missing value
     */
    void accept(long rowNumber, String[] row);

    /** The outcome after the last row; call it once. */
    RuleOutcome finish();
}
