package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.identity.Principal;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.SuiteId;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceKind;
import city.tds.dataplane.source.SourceStream;
import city.tds.dataplane.source.Sources;
import city.tds.governance.detect.Detectors;
import city.tds.governance.detect.Finding;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.quality.QualityRules;
import city.tds.governance.scan.ColumnReport;
import city.tds.governance.scan.ScanReport;
import city.tds.governance.scan.TableScan;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import city.tds.governance.table.JsonLinesTableReader;
import city.tds.governance.table.TableReader;
import city.tds.server.governance.ScanViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A governance scan of one of this connector's sources, on the connector: the source's CSV data is read here, row by
 * row, and only the report (profiles with sensitive values masked, findings, grades, quality) leaves. Recorded as
 * {@code source.scanned} evidence: the source, rows, the resource's grade and the kinds found per column, no values.
 */
final class SourceScans {

    static final long DEFAULT_MAX_ROWS = 1_000_000;
    static final long MAX_ROWS = 100_000_000;

    private final Sources sources;
    private final GradingRules grading;
    private final SuiteId suite;
    private final UnitOfWork tx;
    private final EvidenceRecorder evidence;
    private final Clock clock;
    private final Supplier<String> self;

    SourceScans(
            Sources sources,
            GradingRules grading,
            SuiteId suite,
            UnitOfWork tx,
            EvidenceRecorder evidence,
            Clock clock,
            Supplier<String> self) {
        this.sources = sources;
        this.grading = grading;
        this.suite = suite;
        this.tx = tx;
        this.evidence = evidence;
        this.clock = clock;
        this.self = self;
    }

    /** What a scan is asked with: quality rules in YAML (optional) and the most data rows to read. */
    record ScanRequest(String rules, Long maxRows) {}

    Result<Map<String, Object>> scan(String name, ScanRequest request, Principal by) {
        Optional<SourceDefinition> source = sources.find(name);
        if (source.isEmpty()) {
            return Result.fail(Problem.notFound("source-unknown", "this connector holds no source " + name));
        }
        boolean jsonLines = source.get().kind() == SourceKind.JSON_LINES_FILE;
        if (!source.get().kind().csv() && !jsonLines) {
            return Result.fail(Problem.invalidInput(
                    "source-not-scannable",
                    "source " + name + " is a " + source.get().kind()
                            + "; a scan reads files (CSV, JSON Lines, Parquet) and tables"));
        }
        long maxRows = request.maxRows() == null ? DEFAULT_MAX_ROWS : request.maxRows();
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            return Result.fail(
                    Problem.invalidInput("scan-max-rows-invalid", "maxRows is 1 to " + MAX_ROWS + "; got " + maxRows));
        }
        QualityRules quality = null;
        if (request.rules() != null) {
            Result<QualityRules> parsed = QualityRules.parse(request.rules());
            if (!parsed.isOk()) {
                return Result.fail(parsed.problem());
            }
            quality = parsed.value();
        }
        // one row more than the scan reads, so that it can tell whether the source has more
        Result<SourceStream> opened = sources.sample(name, (int) maxRows + 1);
        if (!opened.isOk()) {
            return Result.fail(opened.problem());
        }
        TableScan scan = new TableScan(
                Detectors.standard(clock), grading, suite, Runtime.getRuntime().availableProcessors(), clock);
        try (SourceStream data = opened.value();
                RowLimit reader = new RowLimit(
                        jsonLines
                                ? JsonLinesTableReader.open(data.data(), -1)
                                : CsvTableReader.open(data.data(), -1, CsvOptions.detect()),
                        maxRows)) {
            Result<ScanReport> report = scan.scan(name, reader, quality, read -> {});
            if (!report.isOk()) {
                return Result.fail(report.problem());
            }
            recorded(report.value(), reader.truncated(), by);
            Map<String, Object> view = ScanViews.report(report.value());
            view.put("truncated", reader.truncated());
            return Result.ok(view);
        } catch (ProblemException e) {
            return Result.fail(e.problem());
        } catch (IOException e) {
            return Result.fail(new Problem(
                    ProblemKind.UNAVAILABLE, "source-unavailable", "source " + name + " cannot be read: " + e));
        }
    }

    private void recorded(ScanReport report, boolean truncated, Principal by) {
        ObjectNode payload = JsonNodeFactory.instance
                .objectNode()
                .put("source", report.source())
                .put("rows", report.rows())
                .put("truncated", truncated)
                .put("grade", report.resourceGrade().grade().label());
        ObjectNode kinds = payload.putObject("kinds");
        for (ColumnReport column : report.columns()) {
            ArrayNode found = kinds.putArray(column.column());
            column.findings().stream().map(Finding::kind).map(Enum::name).forEach(found::add);
        }
        tx.run(t -> evidence.record(new EvidenceEvent(
                "source.scanned",
                clock.instant(),
                EvidenceActor.of(by),
                List.of("source:" + report.source()),
                Set.of(self.get()),
                payload.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** A table read up to a number of data rows; whether there were more. */
    private static final class RowLimit implements TableReader {
        private final TableReader in;
        private final long max;
        private long rows;
        private boolean truncated;

        RowLimit(TableReader in, long max) {
            this.in = in;
            this.max = max;
        }

        boolean truncated() {
            return truncated;
        }

        @Override
        public List<String> header() {
            return in.header();
        }

        @Override
        public String[] next() throws IOException {
            if (rows == max) {
                truncated = truncated || in.next() != null;
                return null;
            }
            String[] row = in.next();
            if (row != null) {
                rows++;
            }
            return row;
        }

        @Override
        public String position() {
            return in.position();
        }

        @Override
        public long consumed() {
            return in.consumed();
        }

        @Override
        public long size() {
            return in.size();
        }

        @Override
        public String encoding() {
            return in.encoding();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
