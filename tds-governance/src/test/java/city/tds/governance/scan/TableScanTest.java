package city.tds.governance.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import city.tds.governance.detect.Detectors;
import city.tds.governance.detect.SensitiveKind;
import city.tds.governance.grade.Grade;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.quality.QualityRules;
import city.tds.governance.quality.RuleOutcome;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import city.tds.governance.table.JdbcTableReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TableScanTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"};

    private final TableScan scan =
            new TableScan(Detectors.standard(CLOCK), GradingRules.standard(), SuiteId.GM, 2, CLOCK);

    @Test
    void findsSensitiveColumnsGradesThemAndShowsNoRawSensitiveValue() throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("编号,姓名,证件,联系电话,金额\n");
        for (int i = 0; i < 2_000; i++) {
            String id = idNumber(i);
            ids.add(id);
            csv.append("N")
                    .append(i)
                    .append(',')
                    .append(NAMES[i % NAMES.length])
                    .append(',')
                    .append(id)
                    .append(',')
                    .append("1391234")
                    .append(String.format("%04d", i))
                    .append(',')
                    .append(i % 10 == 0 ? "" : Integer.toString(i * 3))
                    .append('\n');
        }
        ScanReport report = scan(csv.toString(), null).value();

        assertThat(report.rows()).isEqualTo(2_000);
        ColumnReport idColumn = column(report, "证件");
        assertThat(idColumn.findings()).extracting(f -> f.kind()).containsExactly(SensitiveKind.RESIDENT_ID);
        assertThat(idColumn.grade().grade()).isEqualTo(Grade.general(4));
        assertThat(idColumn.proposedMasking().algorithm()).isEqualTo("fpe-id");
        assertThat(column(report, "联系电话").findings()).extracting(f -> f.kind()).containsExactly(SensitiveKind.MOBILE);
        assertThat(column(report, "姓名").proposedMasking().algorithm()).isEqualTo("keep");
        assertThat(column(report, "金额").findings()).isEmpty();
        assertThat(column(report, "金额").profile().missing()).isEqualTo(200);
        assertThat(column(report, "金额").profile().max()).isEqualTo("5997");
        assertThat(report.resourceGrade().grade()).isEqualTo(Grade.general(4));
        assertThat(report.resourceGrade().fired()).extracting(f -> f.id()).contains("identity-linked");
        assertThat(report.proposedMasking().columns()).containsOnlyKeys("姓名", "证件", "联系电话");

        String everything = describe(report);
        for (String id : ids) {
            assertThat(everything).doesNotContain(id);
        }
        assertThat(everything).doesNotContain("13912340007").contains("1101**********");
    }

    @Test
    void qualityRulesRunInTheSamePassAndTheirSampleRowsAreMasked() throws IOException {
        StringBuilder csv = new StringBuilder("证件,等级\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i == 7 ? "" : idNumber(i % 299))
                    .append(',')
                    .append(i % 3 == 0 ? "X" : "A")
                    .append('\n');
        }
        QualityRules rules = QualityRules.parse(
                        "rules:\n  - {rule: not-null, column: 证件}\n  - {rule: unique, column: 证件}\n"
                                + "  - {rule: in-set, column: 等级, values: [A, B]}\n")
                .orElseThrow();
        ScanReport report = scan(csv.toString(), rules).value();
        List<RuleOutcome> outcomes = report.quality().outcomes();
        assertThat(outcomes).extracting(o -> o.failed()).containsExactly(1L, 1L, 100L);
        assertThat(report.quality().score().getAsDouble()).isBetween(70.0, 90.0);
        String samples = outcomes.stream()
                .flatMap(o -> o.samples().stream())
                .map(f -> String.join(
                        "|",
                        java.util.Arrays.stream(f.row()).map(String::valueOf).toList()))
                .collect(Collectors.joining("\n"));
        assertThat(samples).doesNotContain(idNumber(0)).contains("1101**********");
    }

    @Test
    void aColumnWithoutValuesIsMaskedByTheKindItsNameSays() throws IOException {
        ScanReport report = scan("姓名,身份证号,备注\n", null).value();
        assertThat(report.rows()).isZero();
        assertThat(column(report, "身份证号").proposedMasking().algorithm()).isEqualTo("fpe-id");
        assertThat(column(report, "姓名").proposedMasking())
                .isEqualTo(ProposedMasking.forKind(SensitiveKind.PERSON_NAME));
        assertThat(column(report, "备注").proposedMasking()).isNull();
    }

    @Test
    void valuesOutweighAColumnsName() throws IOException {
        ScanReport report =
                scan("name,district\n上海华信科技有限公司,黄浦区\n上海恒通商贸有限公司,徐汇区\n", null).value();
        assertThat(column(report, "name").findings()).isEmpty();
        assertThat(column(report, "name").proposedMasking()).isNull();
        assertThat(column(report, "name").profile().topValues().get(0).value()).contains("有限公司");
    }

    @Test
    void aTableWithNothingSensitiveProposesNoMaskingProfile() throws IOException {
        ScanReport report = scan("月份,参保人数\n2026-10,12\n2026-11,13\n", null).value();
        assertThat(report.proposedMasking()).isNull();
        assertThat(report.columns()).allMatch(c -> c.proposedMasking() == null);
    }

    @Test
    void rulesThatDoNotFitTheTableAreRefusedBeforeAnythingIsRead() throws IOException {
        QualityRules rules = QualityRules.parse("rules:\n  - {rule: not-null, column: 不存在}\n")
                .orElseThrow();
        Result<ScanReport> result = scan("a,b\n1,2\n", rules);
        assertThat(result.isOk()).isFalse();
        assertThat(result.problem().detail()).contains("不存在");
    }

    @Test
    void aRaggedRowStopsTheScanWithItsLine() {
        assertThatThrownBy(() -> scan("a,b\n1,2\n3,4,5\n", null)).hasMessageContaining("line 3 has 3 fields");
    }

    @Test
    void aJdbcTableIsScannedWithTheTypesTheDatabaseDeclares() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:scan-jdbc;DATABASE_TO_LOWER=TRUE");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE person (id_no VARCHAR(18), salary DECIMAL(12,2))");
            for (int i = 0; i < 100; i++) {
                s.execute("INSERT INTO person VALUES ('" + idNumber(i) + "', " + (i * 100) + ")");
            }
            QualityRules wrongType = QualityRules.parse("rules:\n  - {rule: freshness, column: salary, max-age: P1D}\n")
                    .orElseThrow();
            try (ResultSet rs = s.executeQuery("SELECT * FROM person");
                    JdbcTableReader reader = new JdbcTableReader(rs)) {
                assertThat(scan.scan("person", reader, wrongType, p -> {})
                                .problem()
                                .detail())
                        .contains("salary");
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM person");
                    JdbcTableReader reader = new JdbcTableReader(rs)) {
                ScanReport report = scan.scan("person", reader, null, p -> {}).value();
                assertThat(report.encoding()).isEqualTo("JDBC");
                assertThat(column(report, "id_no").grade().grade()).isEqualTo(Grade.general(4));
                assertThat(column(report, "salary").grade().grade()).isEqualTo(Grade.general(3));
            }
        }
    }

    private Result<ScanReport> scan(String csv, QualityRules rules) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        try (CsvTableReader reader =
                CsvTableReader.open(new ByteArrayInputStream(bytes), bytes.length, CsvOptions.detect())) {
            return scan.scan("test.csv", reader, rules, p -> {});
        }
    }

    private static ColumnReport column(ScanReport report, String name) {
        return report.columns().stream()
                .filter(c -> c.column().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Every value a report shows, as text. */
    private static String describe(ScanReport report) {
        StringBuilder all = new StringBuilder();
        for (ColumnReport c : report.columns()) {
            all.append(c.profile().min()).append(' ').append(c.profile().max()).append(' ');
            c.profile().topValues().forEach(v -> all.append(v.value()).append(' '));
            c.profile().patterns().forEach(p -> all.append(p.example()).append(' '));
        }
        return all.toString();
    }

    static String idNumber(int i) {
        String first17 = "110105" + (1960 + i % 40) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28)
                + String.format("%03d", i % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * ID_WEIGHTS[k];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
