package city.tds.governance.quality;

import java.time.ZoneId;

/**
 * Checks {@link Rule.Between} with date bounds: missing values are skipped; a value that is not a date fails ("not a
 * date"), and when no present value at all is a date the outcome is {@code WRONG_TYPE}. Values and bounds without an
 * offset are read in the clock's zone.
 */
final class DateBetweenCheck extends CountingCheck {

    private final int column;
    private final DateTimeParser parser;
    private final long min;
    private final long max;
    private long dates;

    DateBetweenCheck(Rule.Between rule, Rule.DateRange range, int column, ZoneId zone) {
        super(rule, new int[] {column}, rule.mostly());
        this.column = column;
        this.parser = new DateTimeParser(zone);
        this.min = range.min() == null
                ? Long.MIN_VALUE
                : range.min().atZone(zone).toInstant().toEpochMilli();
        this.max = range.max() == null
                ? Long.MAX_VALUE
                : range.max().atZone(zone).toInstant().toEpochMilli();
    }

    @Override
    int judge(long rowNumber, String[] row) {
        String value = row[column];
        if (value == null) {
            return SKIPPED;
        }
        long millis = parser.parse(value);
        if (millis == DateTimeParser.NOT_A_DATE) {
            return FAILS;
        }
        dates++;
        return millis >= min && millis <= max ? PASSES : FAILS;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        long millis = parser.parse(row[column]);
        if (millis == DateTimeParser.NOT_A_DATE) {
            return "not a date";
        }
        return millis < min ? "before the minimum" : "after the maximum";
    }

    @Override
    String wrongType() {
        if (dates > 0 || evaluated() == 0) {
            return null;
        }
        return rule().describe() + ": wrong type, none of the " + evaluated() + " present values of column "
                + rule().columns().get(0) + " is a date";
    }
}
