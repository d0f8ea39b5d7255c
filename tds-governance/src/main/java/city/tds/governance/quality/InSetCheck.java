package city.tds.governance.quality;

import java.util.Set;

/** Checks {@link Rule.InSet}: missing values are skipped; others must equal one of the set exactly. */
final class InSetCheck extends CountingCheck {

    private final int column;
    private final Set<String> values;

    InSetCheck(Rule.InSet rule, int column) {
        super(rule, new int[] {column}, rule.mostly());
        this.column = column;
        this.values = rule.values();
    }

    @Override
    int judge(long rowNumber, String[] row) {
        String value = row[column];
        if (value == null) {
            return SKIPPED;
        }
        return values.contains(value) ? PASSES : FAILS;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        return "not in the set";
    }
}
