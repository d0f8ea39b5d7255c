package city.tds.governance.quality;

/**
 * Checks {@link Rule.Unique} and {@link Rule.CompoundUnique} with 64-bit {@link Fingerprint}s in a
 * {@link FingerprintSet} (memory and collision chance are documented there). The first occurrence of a value passes;
 * each later occurrence fails as a duplicate, and the sample names the row it repeats. {@code unique} skips missing
 * values; {@code compound-unique} skips rows where any of its columns is missing.
 */
final class UniqueCheck extends CountingCheck {

    private final int[] columns;
    private final FingerprintSet seen = new FingerprintSet();
    private final StringBuilder firstPairs = new StringBuilder();
    private int pairs;
    private int lastFirstRow;

    UniqueCheck(Rule rule, int[] columns, double mostly) {
        super(rule, columns, mostly);
        this.columns = columns.clone();
    }

    @Override
    int judge(long rowNumber, String[] row) {
        long fingerprint;
        if (columns.length == 1) {
            String value = row[columns[0]];
            if (value == null) {
                return SKIPPED;
            }
            fingerprint = Fingerprint.of(value);
        } else {
            for (int column : columns) {
                if (row[column] == null) {
                    return SKIPPED;
                }
            }
            fingerprint = Fingerprint.of(row, columns);
        }
        lastFirstRow = seen.addIfAbsent(fingerprint, rowNumber);
        if (lastFirstRow == FingerprintSet.ABSENT) {
            return PASSES;
        }
        if (pairs < RuleOutcome.MAX_SAMPLES) {
            pairs++;
            firstPairs
                    .append(pairs == 1 ? "; first duplicates: rows " : ", rows ")
                    .append(firstRowText())
                    .append(" and ")
                    .append(rowNumber);
        }
        return FAILS;
    }

    @Override
    String reason(long rowNumber, String[] row) {
        return "duplicate of row " + firstRowText();
    }

    @Override
    String detail() {
        return firstPairs.toString();
    }

    private String firstRowText() {
        return lastFirstRow == FingerprintSet.UNKNOWN_ROW ? "(unknown)" : Integer.toString(lastFirstRow);
    }
}
