package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingProfileTest {

    static final String EXAMPLE = """
            suite: GM            # or INTL
            columns:
              身份证号: { algorithm: fpe-id, key: default }
              手机号:   { algorithm: keep, first: 3, last: 4 }
              姓名:     { algorithm: keep, first: 1, last: 0 }
              邮箱:     { algorithm: mask-before, char: "@" }
              出生日期: { algorithm: date-truncate, to: year }
              备注:     { algorithm: suppress }
            """;

    @Test
    void readsTheExampleProfile() {
        MaskingProfile profile = MaskingProfile.parse(EXAMPLE).orElseThrow();

        assertThat(profile.suite()).isEqualTo(SuiteId.GM);
        assertThat(profile.columns().keySet()).containsExactly("身份证号", "手机号", "姓名", "邮箱", "出生日期", "备注");
        assertThat(profile.columns().get("手机号")).isEqualTo(MaskingRule.keep(3, 4));
        assertThat(profile.columns().get("邮箱")).isEqualTo(MaskingRule.maskBefore('@'));
    }

    @Test
    void readsFromAStreamAndAcceptsAnAlgorithmsNameAsARule() {
        String yaml = "suite: INTL\ncolumns:\n  备注: suppress\n  电话: {algorithm: mask-range, ranges: [4-7, 10-11]}\n";
        MaskingProfile profile = MaskingProfile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();

        assertThat(profile.suite()).isEqualTo(SuiteId.INTL);
        assertThat(profile.columns().get("备注")).isEqualTo(MaskingRule.suppress());
        assertThat(profile.columns().get("电话").parameters()).containsEntry("ranges", "4-7,10-11");
    }

    @Test
    void writesYamlItReadsBack() {
        Map<String, MaskingRule> columns = new LinkedHashMap<>();
        columns.put("姓名", MaskingRule.keep(1, 0).with("maskChar", "*"));
        columns.put("邮箱", MaskingRule.maskBefore('@'));
        columns.put("手机号", MaskingRule.formatPreserving("fpe-mobile", "default"));
        columns.put("备注", MaskingRule.suppress().with("token", "[已隐藏]"));
        MaskingProfile profile = MaskingProfile.of(SuiteId.INTL, columns).orElseThrow();

        MaskingProfile again = MaskingProfile.parse(profile.toYaml()).orElseThrow();

        assertThat(again.suite()).isEqualTo(SuiteId.INTL);
        assertThat(again.columns()).isEqualTo(profile.columns());
    }

    @Test
    void namesTheKeyPathOfABadInteger() {
        assertThat(detailOf("columns:\n  手机号: { algorithm: keep, first: x, last: 4 }\n"))
                .isEqualTo("columns.手机号.first: must be a non-negative integer, got \"x\"");
        assertThat(detailOf("columns:\n  手机号: { algorithm: keep, first: 3, last: -1 }\n"))
                .isEqualTo("columns.手机号.last: must be a non-negative integer, got \"-1\"");
        assertThat(detailOf("columns:\n  年龄: { algorithm: age-band, width: 0 }\n"))
                .isEqualTo("columns.年龄.width: must be an integer of at least 1, got \"0\"");
    }

    @Test
    void listsTheKnownAlgorithmsForAnUnknownOne() {
        assertThat(detailOf("columns:\n  手机号: { algorithm: scramble }\n"))
                .isEqualTo("columns.手机号.algorithm: unknown algorithm \"scramble\"; known: keep, mask-range,"
                        + " mask-before, mask-after, hash, fpe-id, fpe-mobile, fpe-credit-code, age-band,"
                        + " date-truncate, region-prefix, suppress");
        assertThat(detailOf("columns:\n  手机号: { first: 3 }\n"))
                .startsWith("columns.手机号.algorithm: required, one of keep");
    }

    @Test
    void namesAnUnknownParameter() {
        assertThat(detailOf("columns:\n  姓名: { algorithm: keep, first: 1, middle: 2 }\n"))
                .isEqualTo("columns.姓名.middle: unknown parameter for keep; it takes first, last, maskChar");
        assertThat(detailOf("columns:\n  备注: { algorithm: suppress, first: 1 }\n"))
                .isEqualTo("columns.备注.first: unknown parameter for suppress; it takes token");
    }

    @Test
    void requiresAKeyReferenceForKeyedAlgorithms() {
        assertThat(detailOf("columns:\n  身份证号: { algorithm: fpe-id }\n"))
                .isEqualTo("columns.身份证号.key: required for fpe-id");
        assertThat(detailOf("columns:\n  姓名: { algorithm: hash, key: default, encoding: base64 }\n"))
                .isEqualTo("columns.姓名.encoding: must be one of hex, base32, got \"base64\"");
        assertThat(detailOf("columns:\n  姓名: { algorithm: hash, key: default, length: 65 }\n"))
                .isEqualTo("columns.姓名.length: must be at most 64 for hex, got \"65\"");
    }

    @Test
    void checksTheOtherParameters() {
        assertThat(detailOf("columns:\n  邮箱: { algorithm: mask-before }\n"))
                .isEqualTo("columns.邮箱.char: required for mask-before");
        assertThat(detailOf("columns:\n  邮箱: { algorithm: mask-after, char: \"@@\" }\n"))
                .isEqualTo("columns.邮箱.char: must be a single character, got \"@@\"");
        assertThat(detailOf("columns:\n  姓名: { algorithm: keep, maskChar: \"**\" }\n"))
                .isEqualTo("columns.姓名.maskChar: must be a single character, got \"**\"");
        assertThat(detailOf("columns:\n  出生日期: { algorithm: date-truncate, to: week }\n"))
                .isEqualTo("columns.出生日期.to: must be one of year, month, day, got \"week\"");
        assertThat(detailOf("columns:\n  出生日期: { algorithm: date-truncate }\n"))
                .isEqualTo("columns.出生日期.to: required for date-truncate");
        assertThat(detailOf("columns:\n  电话: { algorithm: mask-range, ranges: \"4-x\" }\n"))
                .isEqualTo("columns.电话.ranges: must be ranges like \"4-7, 10-11\" counted from 1, got \"4-x\"");
        assertThat(detailOf("columns:\n  电话: { algorithm: mask-range, from: 5, to: 2 }\n"))
                .isEqualTo("columns.电话.to: must not be before from (5), got \"2\"");
        assertThat(detailOf("columns:\n  电话: { algorithm: mask-range }\n"))
                .isEqualTo("columns.电话.from: required for mask-range (or give ranges)");
        assertThat(detailOf("columns:\n  电话: { algorithm: keep, first: { a: 1 } }\n"))
                .isEqualTo("columns.电话.first: must be a single value or a list of values");
    }

    @Test
    void checksTheProfilesShape() {
        assertThat(detailOf("suite: RSA\ncolumns:\n  备注: suppress\n"))
                .isEqualTo("suite: must be GM or INTL, got \"RSA\"");
        assertThat(detailOf("suite: GM\n")).isEqualTo("columns: required, a mapping of column names to rules");
        assertThat(detailOf("columns: [a, b]\n")).isEqualTo("columns: must be a mapping of column names to rules");
        assertThat(detailOf("columns: {}\n")).isEqualTo("columns: must name at least one column");
        assertThat(detailOf("colums:\n  备注: suppress\n"))
                .isEqualTo("colums: unknown key; a masking profile has suite and columns; "
                        + "columns: required, a mapping of column names to rules");
        assertThat(detailOf("columns:\n  备注: [suppress]\n"))
                .isEqualTo("columns.备注: must be a mapping with an algorithm, or an algorithm's name");
        assertThat(detailOf("- a\n- b\n")).isEqualTo("(profile): must be a mapping with suite and columns");
        assertThat(detailOf("columns:\n  备注: suppress\n  备注: suppress\n"))
                .startsWith("not valid YAML: Duplicate field");
        assertThat(detailOf("columns: {备注: [\n")).startsWith("not valid YAML:").contains("line");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(detailOf("columns:\n  手机号: { algorithm: keep, first: x }\n  备注: { algorithm: nothing }\n"))
                .isEqualTo("columns.手机号.first: must be a non-negative integer, got \"x\"; "
                        + "columns.备注.algorithm: unknown algorithm \"nothing\"; known: keep, mask-range, mask-before,"
                        + " mask-after, hash, fpe-id, fpe-mobile, fpe-credit-code, age-band, date-truncate,"
                        + " region-prefix, suppress");
    }

    @Test
    void checksProfilesMadeInCodeTheSameWay() {
        Result<MaskingProfile> result = MaskingProfile.of(
                SuiteId.GM, Map.of("手机号", MaskingRule.keep(3, 4).with("first", "x")));

        assertThat(result.problem().detail()).isEqualTo("columns.手机号.first: must be a non-negative integer, got \"x\"");
        assertThat(MaskingProfile.knownAlgorithms()).hasSize(12).contains("fpe-credit-code");
    }

    private static String detailOf(String yaml) {
        Result<MaskingProfile> result = MaskingProfile.parse(yaml);
        assertThat(result.isOk()).as("parsing %s", yaml).isFalse();
        Problem problem = result.problem();
        assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
        assertThat(problem.code()).isEqualTo(MaskingProfile.INVALID);
        return problem.detail();
    }
}
