package city.tds.governance.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row that failed a rule, kept as a sample. The values are raw, exactly as read: they may hold personal data, so
 * the scan masks them before anything is printed, stored or sent.
 *
 * @param rowNumber the 1-based data row number
 * @param row a copy of the row's values ({@code null} for a missing value)
 * @param reason why the row failed, e.g. {@code not a number} or {@code duplicate of row 17}
 */
public record FailedRow(long rowNumber, String[] row, String reason) {

    public FailedRow {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailedRow that
                && rowNumber == that.rowNumber
                && Arrays.equals(row, that.row)
                && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowNumber, Arrays.hashCode(row), reason);
    }

    @Override
    public String toString() {
        return "FailedRow[" + rowNumber + ", " + reason + "]";
    }
}
