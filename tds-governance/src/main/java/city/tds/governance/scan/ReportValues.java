package city.tds.governance.scan;

import city.tds.governance.profile.ColumnProfile;
import city.tds.governance.quality.FailedRow;
import city.tds.governance.quality.QualityReport;
import city.tds.governance.quality.RuleOutcome;
import java.util.List;

/**
 * Masks the values a report shows from sensitive columns: a value of {@code n} code points keeps its first
 * {@code max(1, n/4)} and last {@code n/4}, the rest become {@code *} (张三 → 张*, 13812345678 → 13*******78), so
 * that a reader sees the shape of the data and never a whole value.
 */
final class ReportValues {

    private ReportValues() {}

    static String mask(String value) {
        if (value == null) {
            return null;
        }
        int[] points = value.codePoints().toArray();
        int n = points.length;
        if (n <= 1) {
            return n == 0 ? value : "*";
        }
        int first = Math.max(1, n / 4);
        int last = n / 4;
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (i < first || i >= n - last) {
                out.appendCodePoint(points[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }

    static ColumnProfile mask(ColumnProfile p) {
        return new ColumnProfile(
                p.column(),
                p.values(),
                p.missing(),
                p.blank(),
                p.kind(),
                p.kindCounts(),
                p.distinct(),
                mask(p.min()),
                mask(p.max()),
                p.mean(),
                p.minLength(),
                p.maxLength(),
                p.meanLength(),
                p.topValues().stream()
                        .map(c -> new ColumnProfile.Counted(mask(c.value()), c.count()))
                        .toList(),
                p.topValuesExact(),
                p.patterns().stream()
                        .map(s -> new ColumnProfile.Pattern(s.shape(), s.count(), mask(s.example())))
                        .toList());
    }

    /** The report with the sample rows' values masked in the columns {@code sensitive} marks. */
    static QualityReport mask(QualityReport report, boolean[] sensitive) {
        List<RuleOutcome> outcomes = report.outcomes().stream()
                .map(o -> new RuleOutcome(
                        o.rule(),
                        o.status(),
                        o.evaluated(),
                        o.failed(),
                        o.passRatio(),
                        o.message(),
                        o.samples().stream()
                                .map(f -> new FailedRow(f.rowNumber(), mask(f.row(), sensitive), f.reason()))
                                .toList()))
                .toList();
        return new QualityReport(report.resource(), outcomes);
    }

    private static String[] mask(String[] row, boolean[] sensitive) {
        String[] out = row.clone();
        for (int i = 0; i < out.length && i < sensitive.length; i++) {
            if (sensitive[i]) {
                out[i] = mask(out[i]);
            }
        }
        return out;
    }
}
