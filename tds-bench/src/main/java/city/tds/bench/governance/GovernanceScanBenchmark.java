package city.tds.bench.governance;

import city.tds.bench.Options;
import city.tds.bench.catalog.HeapMonitor;
import city.tds.crypto.SuiteId;
import city.tds.governance.detect.Detectors;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.quality.QualityRules;
import city.tds.governance.scan.ColumnReport;
import city.tds.governance.scan.ScanReport;
import city.tds.governance.scan.TableScan;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The governance scan of a large CSV file: {@code governance-scan [--rows 10000000] [--file F] [--threads N]
 * [--unique] [--keep]}. Generates a ten-column firm register (unless {@code --file} exists), scans it once with
 * profiling, detection, grading and a typical set of quality rules, and prints rows per second, the time and the peak
 * heap. {@code --unique} adds a uniqueness rule on the credit code, whose memory grows with distinct values.
 */
public final class GovernanceScanBenchmark {

    private static final String RULES = """
            rules:
              - { rule: not-null, column: 统一社会信用代码 }
              - { rule: not-null, column: 身份证号 }
              - { rule: in-set, column: 行业, values: [软件和信息技术服务业, 批发业, 零售业, 餐饮业, 道路运输业, 专业技术服务业, 建筑装饰业, 农副食品加工业] }
              - { rule: between, column: 注册资本万元, min: 0, max: 10000 }
              - { rule: matches, column: 手机号, pattern: "1[3-9][0-9]{9}" }
              - { rule: between, column: 成立日期, min: 1990-01-01, max: 2026-12-31 }
              - { rule: row-count-between, min: 1 }
            """;
    private static final String UNIQUE = "  - { rule: unique, column: 统一社会信用代码 }\n";

    private GovernanceScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        long rows = options.number("--rows", 10_000_000);
        int threads = (int) options.number("--threads", Runtime.getRuntime().availableProcessors());
        boolean keep = options.flag("--keep");
        Path file = Path.of(options.value(
                "--file", System.getProperty("java.io.tmpdir") + "/tds-bench-governance-" + rows + ".csv"));
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            FirmRegisterTable.write(file, rows, 20261201L);
            System.out.printf(
                    Locale.ROOT,
                    "generated %,d rows, %.0f MiB in %.1f s: %s%n",
                    rows,
                    Files.size(file) / 1048576.0,
                    (System.nanoTime() - t0) / 1e9,
                    file);
        }
        String rules = RULES + (options.flag("--unique") ? UNIQUE : "");
        Clock clock = Clock.systemDefaultZone();
        TableScan scan = new TableScan(Detectors.standard(clock), GradingRules.standard(), SuiteId.GM, threads, clock);
        System.out.printf(
                Locale.ROOT,
                "java %s, %d processors, max heap %.0f MiB, %d worker threads%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                HeapMonitor.maxHeapMiB(),
                threads);
        try (HeapMonitor heap = new HeapMonitor()) {
            System.gc();
            heap.reset();
            long[] gcBefore = HeapMonitor.collections();
            long t0 = System.nanoTime();
            ScanReport report;
            try (CsvTableReader reader = CsvTableReader.open(file, CsvOptions.detect())) {
                report = scan.scan(
                                file.getFileName().toString(),
                                reader,
                                QualityRules.parse(rules).orElseThrow(),
                                p -> {})
                        .orElseThrow();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] gcAfter = HeapMonitor.collections();
            System.out.printf(
                    Locale.ROOT,
                    "scanned %,d rows × %d columns (%.0f MiB) in %.1f s: %,.0f rows/s, %,.0f values/s, %.0f MiB/s%n",
                    report.rows(),
                    report.columns().size(),
                    Files.size(file) / 1048576.0,
                    seconds,
                    report.rows() / seconds,
                    report.rows() * report.columns().size() / seconds,
                    Files.size(file) / 1048576.0 / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "peak heap %.0f MiB; %d collections, %d ms in GC%n",
                    heap.peakMiB(),
                    gcAfter[0] - gcBefore[0],
                    gcAfter[1] - gcBefore[1]);
            System.out.println("resource grade: "
                    + report.resourceGrade().grade().label() + ", quality score "
                    + String.format(
                            Locale.ROOT, "%.1f", report.quality().score().orElse(Double.NaN)));
            for (ColumnReport c : report.columns()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s: %s, distinct ≈ %,d, %s, %s%n",
                        c.column(),
                        c.profile().kind(),
                        c.profile().distinct(),
                        c.findings().isEmpty()
                                ? "-"
                                : c.findings().get(0).kind() + " "
                                        + String.format(
                                                Locale.ROOT,
                                                "%.0f%%",
                                                100 * c.findings().get(0).share()),
                        c.grade().grade().label());
            }
        }
        if (!keep && options.value("--file", null) == null) {
            Files.deleteIfExists(file);
        }
    }
}
