package city.tds.governance.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Accumulates detection over the values of one column and reports {@link Finding}s.
 *
 * <p>Each non-missing value counts for the first kind that recognises it ({@link Detectors}). Null and blank values
 * are missing and are not examined. One instance serves one column and is not thread-safe; {@link #accept} does not
 * allocate.
 *
 * <p>Confidence is {@code 1 - (1 - certainty * min(1, share / SATURATING_SHARE)) * (hint ? 1 - HINT_WEIGHT : 1)},
 * where certainty is the mean certainty of the matched values: validated check characters give nearly 1, dictionary
 * matches less.
 */
public final class ColumnDetection {

    /** Least share of matching values for a finding when the column name suggests the kind. */
    public static final double MIN_SHARE_WITH_HINT = 0.1;

    /** Least share of matching values for a finding when the column name does not suggest the kind. */
    public static final double MIN_SHARE = 0.3;

    /** Share at and above which the share no longer lowers the confidence. */
    public static final double SATURATING_SHARE = 0.8;

    /** How much of the remaining doubt a column-name hint removes. */
    public static final double HINT_WEIGHT = 0.5;

    private final Detectors detectors;
    private final boolean[] hinted;
    private final ValueShape shape = new ValueShape();
    private final double[] certainty = new double[1];
    private final long[] matched;
    private final double[] certaintySum;
    private long examined;

    /** An accumulator for the column {@code columnName} (null when unnamed) using {@code detectors}. */
    public ColumnDetection(Detectors detectors, String columnName) {
        this.detectors = detectors;
        int n = detectors.size();
        this.hinted = new boolean[n];
        this.matched = new long[n];
        this.certaintySum = new double[n];
        Set<SensitiveKind> hints = ColumnNameHints.suggest(columnName);
        for (int i = 0; i < n; i++) {
            hinted[i] = hints.contains(detectors.get(i).kind());
        }
    }

    /** Examines one value; null (and blank) means missing and is skipped. */
    public void accept(String value) {
        if (value == null) {
            return;
        }
        shape.analyse(value);
        if (shape.length() == 0) {
            return;
        }
        examined++;
        int index = detectors.firstMatch(value, shape, certainty);
        if (index >= 0) {
            matched[index]++;
            certaintySum[index] += certainty[0];
        }
    }

    /** Non-missing values examined so far. */
    public long examined() {
        return examined;
    }

    /** The findings so far, most confident first; empty when nothing passes the share thresholds. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        if (examined == 0) {
            return findings;
        }
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] == 0) {
                continue;
            }
            double share = (double) matched[i] / examined;
            if (share < (hinted[i] ? MIN_SHARE_WITH_HINT : MIN_SHARE)) {
                continue;
            }
            double meanCertainty = certaintySum[i] / matched[i];
            double evidence = meanCertainty * Math.min(1.0, share / SATURATING_SHARE);
            double confidence = 1 - (1 - evidence) * (hinted[i] ? 1 - HINT_WEIGHT : 1);
            findings.add(new Finding(detectors.get(i).kind(), confidence, share, matched[i], examined, hinted[i]));
        }
        findings.sort(Comparator.comparingDouble(Finding::confidence).reversed());
        return findings;
    }
}
