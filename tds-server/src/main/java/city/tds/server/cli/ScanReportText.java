package city.tds.server.cli;

import city.tds.governance.detect.Finding;
import city.tds.governance.grade.GradeProposal;
import city.tds.governance.mask.MaskingRule;
import city.tds.governance.profile.ColumnProfile;
import city.tds.governance.quality.FailedRow;
import city.tds.governance.quality.QualityReport;
import city.tds.governance.quality.RuleOutcome;
import city.tds.governance.scan.ColumnReport;
import city.tds.governance.scan.ScanReport;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A scan report as tables for the terminal. */
final class ScanReportText {

    private ScanReportText() {}

    static void print(ScanReport r, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "扫描 / scan: %s  (%s, %,d 行 / rows, %d 列 / columns)%n",
                r.source(),
                r.encoding(),
                r.rows(),
                r.columns().size());
        out.println();
        out.println("资源定级 / resource grade: " + r.resourceGrade().grade().label() + category(r.resourceGrade()));
        for (GradeProposal.FiredRule f : r.resourceGrade().fired()) {
            out.println("  - " + f.id() + " → " + f.grade().label() + (f.on().isEmpty() ? "" : " [" + f.on() + "]")
                    + ": " + f.because());
        }
        out.println();
        out.println("列画像 / column profiles");
        TextTable profiles = new TextTable(
                "列 / column",
                "类型 / kind",
                "缺失 / missing",
                "不同值 / distinct",
                "最小 / min",
                "最大 / max",
                "长度 / length",
                "常见值 / top values");
        for (ColumnReport c : r.columns()) {
            ColumnProfile p = c.profile();
            profiles.add(
                    p.column(),
                    p.kind().name(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * p.missingRatio()),
                    String.format(Locale.ROOT, "%,d", p.distinct()),
                    cut(p.min()),
                    cut(p.max()),
                    p.minLength() + "–" + p.maxLength(),
                    p.topValues().stream()
                            .limit(3)
                            .map(v -> cut(v.value()) + "×" + v.count())
                            .collect(Collectors.joining(" ")));
        }
        profiles.print(out);
        out.println();
        out.println("敏感数据与定级 / sensitive data and grades");
        TextTable grades =
                new TextTable("列 / column", "发现 / findings", "定级 / grade", "依据 / rules", "脱敏建议 / proposed masking");
        for (ColumnReport c : r.columns()) {
            grades.add(
                    c.column(),
                    c.findings().isEmpty()
                            ? "-"
                            : c.findings().stream().map(ScanReportText::finding).collect(Collectors.joining(" ")),
                    c.grade().grade().label(),
                    c.grade().fired().stream().map(GradeProposal.FiredRule::id).collect(Collectors.joining(",")),
                    masking(c.proposedMasking()));
        }
        grades.print(out);
        if (r.quality() != null) {
            out.println();
            quality(r.quality(), out);
        }
    }

    private static void quality(QualityReport q, PrintWriter out) {
        out.println("质量 / quality: "
                + (q.score().isPresent()
                        ? String.format(Locale.ROOT, "%.1f 分 / score", q.score().getAsDouble())
                        : "-")
                + ", " + (q.passed() ? "全部通过 / all rules passed" : "有规则未通过 / some rules failed"));
        TextTable rules = new TextTable("规则 / rule", "结果 / status", "检查 / evaluated", "失败 / failed", "说明 / message");
        for (RuleOutcome o : q.outcomes()) {
            rules.add(
                    o.rule().describe(),
                    o.status().name(),
                    String.format(Locale.ROOT, "%,d", o.evaluated()),
                    String.format(Locale.ROOT, "%,d", o.failed()),
                    o.message());
        }
        rules.print(out);
        for (RuleOutcome o : q.outcomes()) {
            for (FailedRow f : o.samples()) {
                out.println("  " + o.rule().describe() + " · 第 " + f.rowNumber() + " 行 / row " + f.rowNumber() + ": "
                        + f.reason() + "  " + Arrays.toString(f.row()));
            }
        }
    }

    private static String finding(Finding f) {
        return String.format(Locale.ROOT, "%s(%.0f%%, 置信 %.2f)", f.kind().name(), 100 * f.share(), f.confidence());
    }

    private static String masking(MaskingRule rule) {
        if (rule == null) {
            return "-";
        }
        return rule.algorithm()
                + (rule.parameters().isEmpty()
                        ? ""
                        : rule.parameters().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(",", "(", ")")));
    }

    private static String category(GradeProposal g) {
        return g.category().isEmpty() ? "" : " (" + g.category() + ")";
    }

    private static String cut(String value) {
        if (value == null) {
            return "-";
        }
        return value.length() > 24 ? value.substring(0, 23) + "…" : value;
    }
}
