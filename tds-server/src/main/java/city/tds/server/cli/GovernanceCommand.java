package city.tds.server.cli;

import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import city.tds.governance.detect.Detectors;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.mask.MaskingKeys;
import city.tds.governance.mask.MaskingProfile;
import city.tds.governance.mask.RowMasker;
import city.tds.governance.quality.QualityRules;
import city.tds.governance.scan.ScanReport;
import city.tds.governance.scan.TableScan;
import city.tds.governance.table.AtomicFile;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import city.tds.governance.table.CsvTableWriter;
import city.tds.server.config.ConfigException;
import city.tds.server.governance.ScanViews;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Governance for participants without a connector yet: scan a CSV file (profile, sensitive data, grades, quality) and
 * mask one by a masking profile, on this machine, with nothing sent anywhere.
 */
@Command(
        name = "governance",
        synopsisHeading = "%n用法 / Usage: ",
        header = "数据治理：扫描与脱敏 / Governance: scan and mask data files",
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n",
        subcommands = {GovernanceCommand.Scan.class, GovernanceCommand.Mask.class})
final class GovernanceCommand implements Runnable {

    @Mixin
    HelpOptions helpOptions;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How to read the input file. */
    static final class Input {
        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "FILE.csv",
                description = "CSV 文件（扫描时也可为 .jsonl）/ the CSV file (for scan also a .jsonl JSON Lines file)")
        Path file;

        @Option(
                names = "--encoding",
                paramLabel = "CHARSET",
                description = "文件编码；不填则自动识别 UTF-8 或 GBK / the file's encoding (default: detect UTF-8 or GBK)")
        String encoding;

        @Option(
                names = "--delimiter",
                paramLabel = "CHAR",
                description = "分隔符；不填则从表头识别 / field separator (default: from the header: , TAB ; |)")
        String delimiter;

        CsvOptions options() {
            CsvOptions options = CsvOptions.detect();
            if (encoding != null) {
                try {
                    options = options.withEncoding(Charset.forName(encoding));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new ConfigException("未知编码 / unknown encoding '" + encoding + "' (e.g. UTF-8, GBK, GB18030)");
                }
            }
            if (delimiter != null) {
                String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
                if (d.length() != 1 || d.equals("\"")) {
                    throw new ConfigException("分隔符须为单个字符 / --delimiter is one character, not '" + delimiter + "'");
                }
                options = options.withDelimiter(d.charAt(0));
            }
            return options;
        }

        void requireFile() {
            if (file == null) {
                throw new ConfigException("缺少文件 / give the CSV file to read");
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("文件不存在 / no such file: " + file);
            }
        }

        CsvTableReader open() throws IOException {
            requireFile();
            try {
                return CsvTableReader.open(file, options());
            } catch (ProblemException e) {
                throw bad(e);
            }
        }
    }

    static ConfigException bad(ProblemException e) {
        return new ConfigException(
                "输入有误 / bad input (" + e.problem().code() + "): " + e.problem().detail());
    }

    static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("无法读取" + what + " / cannot read " + file + ": " + e.getMessage());
        }
    }

    static <T> T orBad(Result<T> result, Path file) {
        if (!result.isOk()) {
            String hint = result.problem().code().equals("unknown-masking-key")
                    ? " (密钥用 --key-file FILE 或 --key NAME=FILE 给出 / give keys with --key-file FILE or --key NAME=FILE)"
                    : "";
            throw new ConfigException(file + ": " + result.problem().detail() + hint);
        }
        return result.value();
    }

    @Command(
            name = "scan",
            synopsisHeading = "%n用法 / Usage: ",
            header = "扫描：画像、敏感数据识别、分类分级、质量 / Scan: profile, sensitive data, grades, quality",
            description = {
                "一次读取文件，给出每列画像、敏感数据发现、GB/T 43697-2024 定级建议与质量报告；报告中的敏感值已脱敏。",
                "Reads the file once: each column's profile, sensitive findings, proposed grade after GB/T 43697-2024"
                        + " and, with --rules, a quality report. Sensitive values in the report are masked."
            },
            optionListHeading = "%n选项 / Options:%n",
            exitCodeListHeading = "%n退出码 / Exit codes:%n",
            exitCodeList = {"0:扫描完成 / scanned", "2:输入有误 / bad input"})
    static final class Scan implements Callable<Integer> {

        @Mixin
        HelpOptions helpOptions;

        @Spec
        CommandSpec spec;

        @Mixin
        Input input;

        @Option(names = "--json", description = "输出 JSON / print the report as JSON")
        boolean json;

        @Option(names = "--rules", paramLabel = "RULES.yaml", description = "质量规则 / quality rules")
        Path rules;

        @Option(
                names = "--grading",
                paramLabel = "GRADING.yaml",
                description = "分级规则；不填则用内置 GB/T 43697-2024 规则 / grading rules (default: the shipped set)")
        Path grading;

        @Option(
                names = "--propose-profile",
                paramLabel = "PROFILE.yaml",
                description = "写出建议的脱敏配置 / write the proposed masking profile to this file")
        Path proposeProfile;

        @Option(
                names = "--suite",
                paramLabel = "GM|INTL",
                defaultValue = "GM",
                description = "建议脱敏配置使用的密码套件 / crypto suite of the proposed profile (default: ${DEFAULT-VALUE})")
        String suite;

        @Option(
                names = "--threads",
                paramLabel = "N",
                description = "工作线程数；默认为处理器数 / worker threads (default: the processors)")
        Integer threads;

        @Option(
                names = "--jdbc",
                paramLabel = "URL",
                description = "扫描数据库表而非文件（H2、PostgreSQL），密码取自 TDS_JDBC_PASSWORD / scan a table over JDBC"
                        + " instead of a file (H2, PostgreSQL); password from TDS_JDBC_PASSWORD")
        String jdbc;

        @Option(names = "--table", paramLabel = "NAME", description = "表或视图名 / the table or view, with --jdbc")
        String table;

        @Option(names = "--user", paramLabel = "USER", description = "数据库用户 / the database user, with --jdbc")
        String user;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if ((jdbc == null) == (input.file == null)) {
                throw new ConfigException("给出文件或 --jdbc 之一 / give either FILE.csv or --jdbc URL --table NAME");
            }
            QualityRules quality = rules == null ? null : orBad(QualityRules.parse(read(rules, "质量规则")), rules);
            GradingRules gradingRules = grading == null
                    ? GradingRules.standard()
                    : orBad(GradingRules.parse(read(grading, "分级规则")), grading);
            SuiteId suiteId =
                    SuiteId.parse(suite).orElseThrow(() -> new ConfigException("--suite is GM or INTL, not " + suite));
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1 || workers > 64) {
                throw new ConfigException("--threads is 1 to 64, not " + workers);
            }
            Clock clock = Clock.systemDefaultZone();
            TableScan scan = new TableScan(Detectors.standard(clock), gradingRules, suiteId, workers, clock);
            ScanReport report;
            try (Source source = jdbc == null ? Source.file(input) : Source.table(jdbc, table, user)) {
                ProgressBar bar = ProgressBar.onTerminal(err, "扫描 / scanning", source.reader.size(), clock);
                Result<ScanReport> result;
                try {
                    result = scan.scan(source.name, source.reader, quality, bar::update);
                } finally {
                    bar.finish();
                }
                report = orBad(result, rules == null ? Path.of(source.name) : rules);
            } catch (ProblemException e) {
                throw bad(e);
            }
            boolean proposed = proposeProfile != null && report.proposedMasking() != null;
            if (proposed) {
                byte[] yaml = report.proposedMasking().toYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                AtomicFile.write(proposeProfile, o -> o.write(yaml));
            }
            if (json) {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ScanViews.report(report)));
            } else {
                ScanReportText.print(report, out);
            }
            if (proposed) {
                out.println("建议的脱敏配置已写入 / proposed masking profile written to " + proposeProfile);
            } else if (proposeProfile != null) {
                out.println("没有需要脱敏的列，未写出脱敏配置 / no column needs masking; no profile written");
            }
            out.flush();
            return 0;
        }
    }

    /** What a scan reads: a CSV file, or a table over JDBC with its connection. */
    private static final class Source implements AutoCloseable {
        private static final java.util.regex.Pattern TABLE =
                java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

        final String name;
        final city.tds.governance.table.TableReader reader;
        private final java.sql.Connection connection;

        private Source(String name, city.tds.governance.table.TableReader reader, java.sql.Connection connection) {
            this.name = name;
            this.reader = reader;
            this.connection = connection;
        }

        /** A CSV file, or a JSON Lines file by its name ({@code .jsonl}, {@code .ndjson}). */
        static Source file(Input input) throws IOException {
            String name = input.file.getFileName().toString();
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                input.requireFile();
                try {
                    return new Source(
                            name,
                            city.tds.governance.table.JsonLinesTableReader.open(
                                    Files.newInputStream(input.file), Files.size(input.file)),
                            null);
                } catch (ProblemException e) {
                    throw bad(e);
                }
            }
            return new Source(name, input.open(), null);
        }

        static Source table(String url, String table, String user) {
            if (table == null || !TABLE.matcher(table).matches()) {
                throw new ConfigException("--table 须为表名（可带模式名）/ --table is a table name, optionally schema.table,"
                        + " not '" + table + "'");
            }
            if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException(
                        "只支持 H2 与 PostgreSQL / only jdbc:h2: and jdbc:postgresql: URLs are supported");
            }
            java.sql.Connection c = null;
            try {
                c = java.sql.DriverManager.getConnection(url, user, System.getenv("TDS_JDBC_PASSWORD"));
                c.setReadOnly(true);
                c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                java.sql.Statement statement = c.createStatement();
                statement.setFetchSize(1_000);
                return new Source(
                        table,
                        new city.tds.governance.table.JdbcTableReader(statement.executeQuery("SELECT * FROM " + table)),
                        c);
            } catch (java.sql.SQLException e) {
                closeQuietly(c);
                throw new ConfigException("无法读取表 / cannot read table " + table + ": " + e.getMessage());
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
            closeQuietly(connection);
        }

        private static void closeQuietly(java.sql.Connection c) {
            if (c != null) {
                try {
                    c.close();
                } catch (java.sql.SQLException e) {
                    // nothing more to release
                }
            }
        }
    }

    @Command(
            name = "mask",
            synopsisHeading = "%n用法 / Usage: ",
            header = "按脱敏配置脱敏 / Mask a file by a masking profile",
            description = {
                "逐行读取，按配置对各列脱敏后写出；失败时不留下半个输出文件。",
                "Masks the file row by row as the profile says; on any failure no partial output file is left."
            },
            optionListHeading = "%n选项 / Options:%n",
            exitCodeListHeading = "%n退出码 / Exit codes:%n",
            exitCodeList = {"0:已写出 / written", "2:输入有误 / bad input"})
    static final class Mask implements Callable<Integer> {

        @Mixin
        HelpOptions helpOptions;

        @Spec
        CommandSpec spec;

        @Mixin
        Input input;

        @Option(
                names = "--profile",
                required = true,
                paramLabel = "PROFILE.yaml",
                description = "脱敏配置 / masking profile")
        Path profile;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "OUT.csv",
                description = "输出文件（UTF-8）/ output file (UTF-8)")
        Path output;

        @Option(
                names = "--key-file",
                paramLabel = "FILE",
                description = "密钥文件（十六进制，至少 16 字节），作为名为 default 的密钥 / key file (hex, at least 16 bytes),"
                        + " the key named default")
        Path keyFile;

        @Option(names = "--key", paramLabel = "NAME=FILE", description = "其他命名密钥 / another named key, from a hex file")
        Map<String, Path> keys = new LinkedHashMap<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            input.requireFile();
            String lower = input.file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                throw new ConfigException("脱敏只读 CSV 文件 / mask reads CSV files, not JSON Lines: " + input.file);
            }
            MaskingProfile masking = orBad(MaskingProfile.parse(read(profile, "脱敏配置")), profile);
            if (Files.exists(output) && Files.isSameFile(output, input.file)) {
                throw new ConfigException("输出不能覆盖输入 / the output must not be the input file: " + output);
            }
            Map<String, byte[]> named = new LinkedHashMap<>();
            if (keyFile != null) {
                named.put("default", key(keyFile));
            }
            keys.forEach((name, file) -> named.put(name, key(file)));
            Clock clock = Clock.systemDefaultZone();
            long[] rows = {0};
            String[] masked = {""};
            try (CsvTableReader reader = input.open()) {
                RowMasker masker = orBad(masking.bind(reader.header(), MaskingKeys.of(named), clock), profile);
                masked[0] = String.join(", ", masker.maskedColumns());
                ProgressBar bar = ProgressBar.onTerminal(err, "脱敏 / masking", reader.size(), clock);
                try {
                    AtomicFile.write(output, o -> {
                        try (CsvTableWriter writer = new CsvTableWriter(o, reader.delimiter(), reader.header())) {
                            String[] row;
                            while ((row = reader.next()) != null) {
                                masker.maskInPlace(row);
                                writer.write(row);
                                if (++rows[0] % 4096 == 0) {
                                    bar.update(reader.consumed());
                                }
                            }
                        }
                    });
                } finally {
                    bar.finish();
                }
            } catch (ProblemException e) {
                throw bad(e);
            }
            out.println("已脱敏 / masked " + rows[0] + " 行 / rows, 列 / columns [" + masked[0] + "] → " + output);
            out.flush();
            return 0;
        }

        private static byte[] key(Path file) {
            String text = read(file, "密钥").strip();
            byte[] key;
            try {
                key = HexFormat.of().parseHex(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("密钥文件须为十六进制 / the key file " + file + " must hold hex digits");
            }
            if (key.length < MaskingKeys.MINIMUM_LENGTH) {
                throw new ConfigException("密钥太短 / the key in " + file + " has " + key.length + " bytes; at least "
                        + MaskingKeys.MINIMUM_LENGTH);
            }
            return key;
        }
    }
}
