package city.tds.governance.scan;

/** Work done on every row of a table, always on the same thread and in row order. */
@FunctionalInterface
public interface RowConsumer {

    /**
     * @param rowNumber the 1-based number of the data row
     * @param row one value per column, {@code null} for a missing value; shared with other consumers, never modify
     *     or keep it (copy what must be kept)
     */
    void accept(long rowNumber, String[] row);
}
