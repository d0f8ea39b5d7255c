package city.tds.server.governance;

import city.tds.governance.detect.Finding;
import city.tds.governance.grade.GradeProposal;
import city.tds.governance.profile.ColumnProfile;
import city.tds.governance.profile.ValueKind;
import city.tds.governance.quality.FailedRow;
import city.tds.governance.quality.QualityReport;
import city.tds.governance.quality.RuleOutcome;
import city.tds.governance.scan.ColumnReport;
import city.tds.governance.scan.ScanReport;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scan report as JSON-ready maps: what `tds governance scan --json` prints and the connector's scan API answers. */
public final class ScanViews {

    private ScanViews() {}

    public static Map<String, Object> report(ScanReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("encoding", r.encoding());
        m.put("rows", r.rows());
        m.put("grade", grade(r.resourceGrade()));
        m.put("columns", r.columns().stream().map(ScanViews::column).toList());
        m.put("quality", r.quality() == null ? null : quality(r.quality()));
        m.put(
                "proposedMasking",
                r.proposedMasking() == null ? null : r.proposedMasking().toYaml());
        return m;
    }

    private static Map<String, Object> column(ColumnReport c) {
        ColumnProfile p = c.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.column());
        m.put("kind", p.kind().name());
        m.put("values", p.values());
        m.put("missing", p.missing());
        m.put("blank", p.blank());
        m.put("missingRatio", p.missingRatio());
        m.put("distinct", p.distinct());
        m.put("min", p.min());
        m.put("max", p.max());
        m.put("mean", Double.isNaN(p.mean()) ? null : p.mean());
        m.put("minLength", p.minLength());
        m.put("maxLength", p.maxLength());
        m.put("meanLength", p.meanLength());
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (ValueKind k : ValueKind.values()) {
            if (k.ordinal() < p.kindCounts().length && p.kindCounts()[k.ordinal()] > 0) {
                kinds.put(k.name(), p.kindCounts()[k.ordinal()]);
            }
        }
        m.put("kindCounts", kinds);
        m.put(
                "topValues",
                p.topValues().stream()
                        .map(v -> Map.of("value", v.value(), "count", v.count()))
                        .toList());
        m.put("topValuesExact", p.topValuesExact());
        m.put(
                "patterns",
                p.patterns().stream()
                        .map(s -> Map.of("shape", s.shape(), "count", s.count(), "example", s.example()))
                        .toList());
        m.put("findings", c.findings().stream().map(ScanViews::finding).toList());
        m.put("grade", grade(c.grade()));
        m.put(
                "proposedMasking",
                c.proposedMasking() == null
                        ? null
                        : Map.of(
                                "algorithm",
                                c.proposedMasking().algorithm(),
                                "parameters",
                                c.proposedMasking().parameters()));
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("confidence", f.confidence());
        m.put("share", f.share());
        m.put("matched", f.matched());
        m.put("examined", f.examined());
        m.put("nameHint", f.nameHint());
        return m;
    }

    static Map<String, Object> grade(GradeProposal g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grade", g.grade().dataClass().name());
        m.put("level", g.grade().level() == 0 ? null : g.grade().level());
        m.put("label", g.grade().label());
        m.put("category", g.category());
        m.put(
                "rules",
                g.fired().stream()
                        .map(f -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("id", f.id());
                            r.put("grade", f.grade().label());
                            r.put("on", f.on());
                            r.put("because", f.because());
                            return r;
                        })
                        .toList());
        return m;
    }

    private static Map<String, Object> quality(QualityReport q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", q.score().isPresent() ? q.score().getAsDouble() : null);
        m.put("passed", q.passed());
        m.put("rules", q.outcomes().stream().map(ScanViews::outcome).toList());
        return m;
    }

    private static Map<String, Object> outcome(RuleOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", o.rule().describe());
        m.put("status", o.status().name());
        m.put("evaluated", o.evaluated());
        m.put("failed", o.failed());
        m.put("passRatio", o.passRatio());
        m.put("message", o.message());
        m.put("samples", o.samples().stream().map(ScanViews::sample).toList());
        return m;
    }

    private static Map<String, Object> sample(FailedRow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", f.rowNumber());
        m.put("values", Arrays.asList(f.row()));
        m.put("reason", f.reason());
        return m;
    }
}
