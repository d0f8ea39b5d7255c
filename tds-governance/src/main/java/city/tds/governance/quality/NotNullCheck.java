package city.tds.governance.quality;

/** Checks {@link Rule.NotNull}: every row is evaluated; a missing value fails. An empty string is present. */
final class NotNullCheck extends CountingCheck {

    private final int column;

    NotNullCheck(Rule.NotNull rule, int column) {
        super(rule, new int[] {column}, rule.mostly());
        this.column = column;
    }

    @Override
    int judge(long rowNumber, String[] row) {
        return row[column] == null ? FAILS : PASSES;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        return "missing";
    }
}
