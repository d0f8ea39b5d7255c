package city.tds.governance.scan;

import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import city.tds.governance.detect.ColumnDetection;
import city.tds.governance.detect.Detectors;
import city.tds.governance.detect.Finding;
import city.tds.governance.grade.ColumnFacts;
import city.tds.governance.grade.Grade;
import city.tds.governance.grade.GradeProposal;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.grade.ResourceGrading;
import city.tds.governance.mask.MaskingProfile;
import city.tds.governance.mask.MaskingRule;
import city.tds.governance.profile.ColumnProfile;
import city.tds.governance.profile.ColumnProfiler;
import city.tds.governance.quality.BoundRules;
import city.tds.governance.quality.ColumnType;
import city.tds.governance.quality.QualityReport;
import city.tds.governance.quality.QualityRules;
import city.tds.governance.quality.RuleCheck;
import city.tds.governance.quality.RuleOutcome;
import city.tds.governance.table.JdbcTableReader;
import city.tds.governance.table.TableReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The governance pass over a table (数据治理扫描): in one read, every column is profiled and searched for sensitive
 * data, the quality rules are checked, and then grades and masking are proposed. The work is spread over
 * {@code threads} workers; memory stays flat whatever the number of rows, except what uniqueness rules keep.
 */
public final class TableScan {

    private final Detectors detectors;
    private final GradingRules grading;
    private final SuiteId suite;
    private final int threads;
    private final Clock clock;

    public TableScan(Detectors detectors, GradingRules grading, SuiteId suite, int threads, Clock clock) {
        this.detectors = detectors;
        this.grading = grading;
        this.suite = suite;
        this.threads = threads;
        this.clock = clock;
    }

    /**
     * Scans {@code reader} to its end.
     *
     * @param quality rules to check, or {@code null}
     * @param progress told how much of the source has been read, in the reader's unit
     * @return the report, or why the rules do not fit the table; a malformed row is thrown as a
     *     {@link city.tds.core.ProblemException} naming its line
     */
    public Result<ScanReport> scan(String source, TableReader reader, QualityRules quality, LongConsumer progress)
            throws IOException {
        List<String> header = reader.header();
        BoundRules bound = null;
        if (quality != null) {
            Result<BoundRules> b = quality.bind(header, declaredTypes(reader), clock);
            if (!b.isOk()) {
                return Result.fail(b.problem());
            }
            bound = b.value();
        }
        List<ColumnProfiler> profilers = new ArrayList<>();
        List<ColumnDetection> detections = new ArrayList<>();
        List<List<RowConsumer>> lanes = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            ColumnProfiler profiler = new ColumnProfiler(header.get(c));
            ColumnDetection detection = detectors.newColumn(header.get(c));
            profilers.add(profiler);
            detections.add(detection);
            int column = c;
            lanes.add(List.of((n, row) -> {
                String value = row[column];
                profiler.accept(value);
                detection.accept(value);
            }));
        }
        List<RuleCheck> checks = bound == null ? List.of() : bound.checks();
        for (RuleCheck check : checks) {
            lanes.add(List.of(check::accept));
        }
        long rows = new ParallelRowPass(threads).run(reader, lanes, progress);
        return Result.ok(report(source, reader.encoding(), rows, profilers, detections, checks));
    }

    /** The column types a database declares; a CSV file declares none. */
    private static Map<String, ColumnType> declaredTypes(TableReader reader) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (reader instanceof JdbcTableReader jdbc) {
            jdbc.declaredKinds().forEach((column, kind) -> types.put(column, ColumnType.valueOf(kind)));
        }
        return types;
    }

    private ScanReport report(
            String source,
            String encoding,
            long rows,
            List<ColumnProfiler> profilers,
            List<ColumnDetection> detections,
            List<RuleCheck> checks) {
        List<ColumnFacts> facts = new ArrayList<>();
        List<ColumnProfile> profiles = new ArrayList<>();
        List<List<Finding>> findings = new ArrayList<>();
        for (int c = 0; c < profilers.size(); c++) {
            ColumnProfile profile = profilers.get(c).profile();
            List<Finding> found = detections.get(c).findings();
            Map<String, Double> kinds = new LinkedHashMap<>();
            found.forEach(f -> kinds.merge(f.kind().name(), f.confidence(), Math::max));
            facts.add(new ColumnFacts(profile.column(), kinds, profile.distinct()));
            profiles.add(profile);
            findings.add(found);
        }
        ResourceGrading grades = grading.propose(facts);
        List<ColumnReport> columns = new ArrayList<>();
        Map<String, MaskingRule> masking = new LinkedHashMap<>();
        boolean[] sensitive = new boolean[profiles.size()];
        for (int c = 0; c < profiles.size(); c++) {
            ColumnProfile profile = profiles.get(c);
            GradeProposal grade = grades.columns().get(profile.column());
            List<Finding> found = findings.get(c);
            boolean noValues = profile.values() == profile.missing() + profile.blank();
            MaskingRule rule = !found.isEmpty()
                    ? ProposedMasking.forKind(found.get(0).kind())
                    : noValues ? ProposedMasking.byName(profile.column()) : null;
            boolean highGrade = grade.grade().compareTo(Grade.general(3)) >= 0;
            sensitive[c] = rule != null || highGrade;
            if (rule == null && highGrade) {
                rule = MaskingRule.keep(1, 0);
            }
            if (rule != null) {
                masking.put(profile.column(), rule);
            }
            columns.add(new ColumnReport(sensitive[c] ? ReportValues.mask(profile) : profile, found, grade, rule));
        }
        QualityReport quality = null;
        if (!checks.isEmpty()) {
            List<RuleOutcome> outcomes = checks.stream().map(RuleCheck::finish).toList();
            quality = ReportValues.mask(new QualityReport(source, outcomes), sensitive);
        }
        MaskingProfile proposed =
                masking.isEmpty() ? null : MaskingProfile.of(suite, masking).orElseThrow();
        return new ScanReport(source, encoding, rows, columns, grades.resource(), quality, proposed);
    }
}
