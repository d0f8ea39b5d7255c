package city.tds.governance.quality;

/**
 * Checks {@link Rule.Between} with numeric bounds: missing values are skipped; a value that is not a number fails
 * ("not a number"), and when no present value at all is a number the outcome is {@code WRONG_TYPE}.
 */
final class NumberBetweenCheck extends CountingCheck {

    private final int column;
    private final double min;
    private final double max;
    private long numbers;

    NumberBetweenCheck(Rule.Between rule, Rule.NumberRange range, int column) {
        super(rule, new int[] {column}, rule.mostly());
        this.column = column;
        this.min = range.min() == null ? Double.NEGATIVE_INFINITY : range.min();
        this.max = range.max() == null ? Double.POSITIVE_INFINITY : range.max();
    }

    @Override
    int judge(long rowNumber, String[] row) {
        String value = row[column];
        if (value == null) {
            return SKIPPED;
        }
        double number = DecimalParser.parse(value);
        if (Double.isNaN(number)) {
            return FAILS;
        }
        numbers++;
        return number >= min && number <= max ? PASSES : FAILS;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        double number = DecimalParser.parse(row[column]);
        if (Double.isNaN(number)) {
            return "not a number";
        }
        return number < min ? "below the minimum" : "above the maximum";
    }

    @Override
    String wrongType() {
        if (numbers > 0 || evaluated() == 0) {
            return null;
        }
        return rule().describe() + ": wrong type, none of the " + evaluated() + " present values of column "
                + rule().columns().get(0) + " is a number";
    }
}
