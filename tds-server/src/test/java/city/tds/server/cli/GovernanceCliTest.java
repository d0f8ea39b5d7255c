package city.tds.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.governance.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tds governance scan and mask, on files a participant without a connector would have. */
class GovernanceCliTest {

    @TempDir
    Path dir;

    private Path firms;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writeARegister() throws IOException {
        StringBuilder csv = new StringBuilder("法定代表人,身份证号,手机号,注册资本\n");
        String[] names = {"张伟", "王芳", "李娜", "刘洋"};
        for (int i = 0; i < 500; i++) {
            csv.append(names[i % 4])
                    .append(',')
                    .append(IdNumbers.idNumber(i))
                    .append(",1391234")
                    .append(String.format("%04d", i))
                    .append(',')
                    .append(100 + i)
                    .append('\n');
        }
        firms = Files.writeString(dir.resolve("firms.csv"), csv);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return TdsMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void scanPrintsProfilesFindingsGradesAndQualityWithoutRawValues() throws IOException {
        Path rules = Files.writeString(
                dir.resolve("rules.yaml"), "rules:\n  - {rule: between, column: 注册资本, min: 0, max: 500}\n");
        Path profile = dir.resolve("proposed.yaml");
        int code = run(
                "governance",
                "scan",
                firms.toString(),
                "--rules",
                rules.toString(),
                "--propose-profile",
                profile.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("500 行 / rows", "资源定级 / resource grade: 一般数据4级", "RESIDENT_ID", "MOBILE", "PERSON_NAME")
                .contains("fpe-id(key=default)", "between 注册资本 [0, 500]", "FAILED")
                .doesNotContain(IdNumbers.idNumber(0), "13912340000");
        assertThat(Files.readString(profile)).contains("身份证号:", "algorithm: fpe-id", "手机号:");
    }

    @Test
    void scanPrintsJsonWhenAsked() throws IOException {
        assertThat(run("governance", "scan", firms.toString(), "--json"))
                .as(err.toString())
                .isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("rows").asLong()).isEqualTo(500);
        assertThat(report.path("grade").path("label").asText()).isEqualTo("一般数据4级");
        assertThat(report.path("columns")
                        .get(1)
                        .path("findings")
                        .get(0)
                        .path("kind")
                        .asText())
                .isEqualTo("RESIDENT_ID");
        assertThat(report.path("quality").isNull()).isTrue();
    }

    @Test
    void aTableIsScannedOverJdbcAndBadTablesAreRefused() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("register").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE legal_person (name VARCHAR(20), id_no VARCHAR(18), capital DECIMAL(12, 2))");
            for (int i = 0; i < 200; i++) {
                s.execute("INSERT INTO legal_person VALUES ('张伟', '" + IdNumbers.idNumber(i) + "', " + (i * 10) + ")");
            }
        }
        assertThat(run("governance", "scan", "--jdbc", url, "--table", "legal_person", "--user", "sa"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("legal_person  (JDBC, 200 行 / rows", "RESIDENT_ID", "一般数据4级");

        assertThat(run("governance", "scan", "--jdbc", url, "--table", "legal_person; DROP TABLE x", "--user", "sa"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--table is a table name");
        assertThat(run("governance", "scan", "--jdbc", url, "--table", "missing", "--user", "sa"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read table missing");
        assertThat(run("governance", "scan", firms.toString(), "--jdbc", url, "--table", "legal_person"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("either FILE.csv or --jdbc");
    }

    @Test
    void aJsonLinesFileIsScannedButNotMasked() throws IOException {
        Path jsonl = Files.writeString(
                dir.resolve("people.jsonl"),
                "{\"姓名\": \"张伟\", \"证件\": \"" + IdNumbers.idNumber(3) + "\"}\n{\"姓名\": \"王芳\", \"证件\": \""
                        + IdNumbers.idNumber(4) + "\"}\n");
        assertThat(run("governance", "scan", jsonl.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("JSON Lines", "2 行 / rows", "RESIDENT_ID")
                .doesNotContain(IdNumbers.idNumber(3));
        Path profile = Files.writeString(dir.resolve("p.yaml"), "columns:\n  证件: {algorithm: keep, first: 6}\n");
        assertThat(run(
                        "governance",
                        "mask",
                        jsonl.toString(),
                        "--profile",
                        profile.toString(),
                        "-o",
                        dir.resolve("o.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not JSON Lines");
    }

    @Test
    void aGbkFileIsDetectedAndScanned() throws IOException {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, Files.readString(firms).getBytes(Charset.forName("GBK")));
        assertThat(run("governance", "scan", gbk.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("GB18030 (GBK), detected", "法定代表人");
    }

    @Test
    void malformedFilesAreRefusedWithTheLineAndExitCodeTwo() throws IOException {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertThat(run("governance", "scan", ragged.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("csv-ragged-row", "line 3 has 1 field");

        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThat(run("governance", "scan", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("csv-empty");

        assertThat(run("governance", "scan", dir.resolve("missing.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no such file");

        Path badRules = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - {rule: uniq, column: a}\n");
        assertThat(run("governance", "scan", firms.toString(), "--rules", badRules.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("rules[0].rule", "uniq");
    }

    @Test
    void maskWritesTheMaskedFileAndFpeKeepsIdNumbersValidAndJoinable() throws IOException {
        Path profile = Files.writeString(
                dir.resolve("p.yaml"),
                "suite: GM\ncolumns:\n  身份证号: {algorithm: fpe-id, key: default}\n  手机号: {algorithm: keep, first: 3,"
                        + " last: 4}\n");
        Path key = Files.writeString(dir.resolve("key.hex"), "00112233445566778899aabbccddeeff\n");
        Path masked = dir.resolve("masked.csv");
        assertThat(run(
                        "governance",
                        "mask",
                        firms.toString(),
                        "--profile",
                        profile.toString(),
                        "-o",
                        masked.toString(),
                        "--key-file",
                        key.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("500 行 / rows", "身份证号, 手机号");
        List<String> lines = Files.readAllLines(masked);
        assertThat(lines).hasSize(501);
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("张伟");
        assertThat(first[1]).hasSize(18).isNotEqualTo(IdNumbers.idNumber(0)).startsWith("110105");
        assertThat(IdNumbers.checkCharacter(first[1].substring(0, 17))).isEqualTo(first[1].charAt(17));
        assertThat(first[2]).isEqualTo("139****0000");

        Path again = dir.resolve("again.csv");
        run(
                "governance",
                "mask",
                firms.toString(),
                "--profile",
                profile.toString(),
                "-o",
                again.toString(),
                "--key-file",
                key.toString());
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }

    @Test
    void badProfilesAndKeysAreRefusedAndLeaveNoOutputFile() throws IOException {
        Path output = dir.resolve("out.csv");
        Path unknownColumn = Files.writeString(dir.resolve("c.yaml"), "columns:\n  电话: {algorithm: keep, first: 3}\n");
        assertThat(run(
                        "governance",
                        "mask",
                        firms.toString(),
                        "--profile",
                        unknownColumn.toString(),
                        "-o",
                        output.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("电话", "法定代表人");

        Path unknownAlgorithm = Files.writeString(dir.resolve("a.yaml"), "columns:\n  手机号: {algorithm: scramble}\n");
        assertThat(run(
                        "governance",
                        "mask",
                        firms.toString(),
                        "--profile",
                        unknownAlgorithm.toString(),
                        "-o",
                        output.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("columns.手机号", "scramble");

        Path keyed = Files.writeString(dir.resolve("k.yaml"), "columns:\n  身份证号: {algorithm: fpe-id, key: default}\n");
        assertThat(run("governance", "mask", firms.toString(), "--profile", keyed.toString(), "-o", output.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--key-file");

        Path shortKey = Files.writeString(dir.resolve("short.hex"), "0011");
        assertThat(run(
                        "governance",
                        "mask",
                        firms.toString(),
                        "--profile",
                        keyed.toString(),
                        "-o",
                        output.toString(),
                        "--key-file",
                        shortKey.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("at least 16");

        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "身份证号,x\n" + IdNumbers.idNumber(1) + ",1\n2\n");
        Path key = Files.writeString(dir.resolve("key.hex"), "00112233445566778899aabbccddeeff");
        assertThat(run(
                        "governance",
                        "mask",
                        ragged.toString(),
                        "--profile",
                        keyed.toString(),
                        "-o",
                        output.toString(),
                        "--key-file",
                        key.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("line 3");

        assertThat(run(
                        "governance",
                        "mask",
                        firms.toString(),
                        "--profile",
                        keyed.toString(),
                        "-o",
                        firms.toString(),
                        "--key-file",
                        key.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("must not be the input");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("out.csv") || n.startsWith(".out.csv"));
        }
    }
}
