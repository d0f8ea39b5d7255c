package city.tds.governance.quality;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@link Rule.Matches}: missing values are skipped; others must match the whole pattern. The pattern is
 * compiled once per check and its matcher reset for each value.
 */
final class MatchesCheck extends CountingCheck {

    private final int column;
    private final Matcher matcher;

    MatchesCheck(Rule.Matches rule, int column) {
        super(rule, new int[] {column}, rule.mostly());
        this.column = column;
        this.matcher = Pattern.compile(rule.pattern()).matcher("");
    }

    @Override
    int judge(long rowNumber, String[] row) {
        String value = row[column];
        if (value == null) {
            return SKIPPED;
        }
        return matcher.reset(value).matches() ? PASSES : FAILS;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        return "does not match";
    }
}
