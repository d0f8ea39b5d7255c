package city.tds.governance.mask;

/**
 * Algorithm {@code date-truncate}: keeps a date only to the year, month or day, in the layout it came in, and drops
 * any time: {@code 2024-05-17 13:20:11} → {@code 2024} / {@code 2024-05} / {@code 2024-05-17};
 * {@code 20240517} → {@code 202405}; {@code 2024年5月17日} → {@code 2024年05月}. Layouts are those of {@link
 * CalendarDate}. A value that is not such a date (or not a real one, like {@code 2023-02-29}) is masked entirely.
 */
public final class DateTruncation implements MaskingAlgorithm {

    /** How much of the date stays. */
    public enum Unit {
        YEAR,
        MONTH,
        DAY
    }

    private final Unit unit;

    public DateTruncation(Unit unit) {
        this.unit = unit;
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        CalendarDate date = CalendarDate.parse(value.strip());
        return date == null ? CodePoints.maskAll(value, '*') : date.truncated(unit);
    }
}
