package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

class QualityRulesParseTest {

    private static final String EXAMPLE = """
            rules:
              - { rule: not-null, column: 统一社会信用代码 }
              - { rule: unique, column: 统一社会信用代码 }
              - { rule: in-set, column: 纳税信用等级, values: [A, B, M, C, D] }
              - { rule: between, column: 增值税额, min: 0, max: 100000000 }
              - { rule: matches, column: 手机号, pattern: "1[3-9][0-9]{9}" }
              - { rule: row-count-between, min: 1000, max: 10000000 }
              - { rule: compound-unique, columns: [统一社会信用代码, 月份] }
              - { rule: freshness, column: 更新时间, max-age: P40D }
              - { rule: not-null, column: 联系人, mostly: 0.95 }
            """;

    @Test
    void readsEveryRuleOfTheExample() {
        QualityRules rules = QualityRules.parse(EXAMPLE).orElseThrow();

        assertThat(rules.rules())
                .containsExactly(
                        new Rule.NotNull("统一社会信用代码", 1.0),
                        new Rule.Unique("统一社会信用代码", 1.0),
                        new Rule.InSet("纳税信用等级", java.util.Set.of("A", "B", "M", "C", "D"), 1.0),
                        new Rule.Between("增值税额", new Rule.NumberRange(0.0, 100_000_000.0), 1.0),
                        new Rule.Matches("手机号", "1[3-9][0-9]{9}", 1.0),
                        new Rule.RowCountBetween(1000L, 10_000_000L),
                        new Rule.CompoundUnique(java.util.List.of("统一社会信用代码", "月份"), 1.0),
                        new Rule.Freshness("更新时间", Duration.ofDays(40)),
                        new Rule.NotNull("联系人", 0.95));
    }

    @Test
    void keepsSetValuesAsWritten() {
        Rule rule = single("rules: [{ rule: in-set, column: c, values: [01, 1.50, true, 'x'] }]");

        assertThat(((Rule.InSet) rule).values()).containsExactlyInAnyOrder("01", "1.50", "true", "x");
    }

    @Test
    void readsDateBoundsAndADateOnlyMaxIncludesItsDay() {
        Rule rule = single("rules: [{ rule: between, column: d, min: 2024-01-01, max: '2024-12-31' }]");

        assertThat(((Rule.Between) rule).range())
                .isEqualTo(new Rule.DateRange(
                        LocalDateTime.parse("2024-01-01T00:00"), LocalDateTime.parse("2024-12-31T23:59:59.999999999")));
    }

    @Test
    void readsOneSidedBoundsAndPeriods() {
        assertThat(((Rule.Between) single("rules: [{ rule: between, column: n, min: -1.5 }]")).range())
                .isEqualTo(new Rule.NumberRange(-1.5, null));
        assertThat(single("rules: [{ rule: row-count-between, max: 10 }]"))
                .isEqualTo(new Rule.RowCountBetween(null, 10L));
        assertThat(((Rule.Freshness) single("rules: [{ rule: freshness, column: t, max-age: P1M }]")).maxAge())
                .isEqualTo(Period.ofMonths(1));
    }

    @Test
    void namesThePathOfABadBound() {
        assertThat(detail("""
                        rules:
                          - { rule: not-null, column: a }
                          - { rule: not-null, column: b }
                          - { rule: not-null, column: c }
                          - { rule: between, column: d, min: abc, max: 5 }
                        """)).isEqualTo("rules[3].min: must be a number or a date, got \"abc\"");
    }

    @Test
    void listsTheKnownRulesForAnUnknownOne() {
        assertThat(detail("rules: [{ rule: uniq, column: a }]"))
                .startsWith("rules[0].rule: unknown rule \"uniq\" (known: between, compound-unique, freshness,")
                .contains("unique");
    }

    @Test
    void reportsUnknownAndMissingParameters() {
        assertThat(detail("rules: [{ rule: not-null, colum: a }]"))
                .contains("rules[0].colum: unknown parameter of not-null (known: column, mostly)")
                .contains("rules[0].column: missing, not-null needs it");
        assertThat(detail("rules: [{ rule: freshness, column: t, mostly: 0.9, max-age: P1D }]"))
                .isEqualTo("rules[0].mostly: unknown parameter of freshness (known: column, max-age)");
        assertThat(detail("rules: [{ column: a }]")).startsWith("rules[0].rule: missing (known rules: between");
    }

    @Test
    void reportsAnInvalidRegexWithItsError() {
        assertThat(detail("rules: [{ rule: matches, column: a, pattern: \"1[3-9\" }]"))
                .startsWith("rules[0].pattern: invalid regular expression \"1[3-9\": Unclosed character class");
    }

    @Test
    void reportsBadValuesOfOtherParameters() {
        assertThat(detail("rules: [{ rule: not-null, column: a, mostly: 1.5 }]"))
                .isEqualTo("rules[0].mostly: must be a number from 0 to 1, got \"1.5\"");
        assertThat(detail("rules: [{ rule: between, column: a, min: 10, max: 5 }]"))
                .isEqualTo("rules[0]: min 10 is greater than max 5");
        assertThat(detail("rules: [{ rule: between, column: a, min: 1, max: 2024-01-01 }]"))
                .isEqualTo("rules[0].max: must be a number like min, got \"2024-01-01\"");
        assertThat(detail("rules: [{ rule: between, column: a }]"))
                .isEqualTo("rules[0]: between needs min, max or both");
        assertThat(detail("rules: [{ rule: row-count-between, min: -1 }]"))
                .isEqualTo("rules[0].min: must be a whole number of 0 or more, got \"-1\"");
        assertThat(detail("rules: [{ rule: compound-unique, columns: [a] }]"))
                .isEqualTo("rules[0].columns: must list at least two columns (use unique for one)");
        assertThat(detail("rules: [{ rule: compound-unique, columns: [a, b, a] }]"))
                .isEqualTo("rules[0].columns[2]: \"a\" is listed twice");
        assertThat(detail("rules: [{ rule: freshness, column: t, max-age: 40 days }]"))
                .startsWith("rules[0].max-age: must be a positive ISO-8601 duration");
        assertThat(detail("rules: [{ rule: in-set, column: a, values: [] }]"))
                .isEqualTo("rules[0].values: must list at least one value");
    }

    @Test
    void reportsEveryErrorAtOnce() {
        assertThat(detail("""
                        rules:
                          - { rule: not-null }
                          - { rule: unique, column: a, mostly: x }
                        """))
                .isEqualTo("rules[0].column: missing, not-null needs it; "
                        + "rules[1].mostly: must be a number from 0 to 1, got \"x\"");
    }

    @Test
    void refusesDocumentsOfTheWrongShape() {
        assertThat(detail("rules: [{ rule: not-null, column: a }]\nchecks: []"))
                .isEqualTo("checks: unknown key (known: rules)");
        assertThat(detail("- a")).isEqualTo("the document must be a mapping with a \"rules\" list");
        assertThat(detail("rules: { rule: not-null }")).isEqualTo("rules: must be a list of rules");
        assertThat(detail("rules: [not-null]")).startsWith("rules[0]: must be a mapping");
        assertThat(detail("rules: [{ rule: not-null, column: a, column: b }]")).contains("duplicate key \"column\"");
        assertThat(detail("rules: [ {")).startsWith("not valid YAML: ");
    }

    @Test
    void acceptsAnEmptyRuleList() {
        assertThat(QualityRules.parse("rules: []").orElseThrow().rules()).isEmpty();
    }

    private static Rule single(String yaml) {
        return QualityRules.parse(yaml).orElseThrow().rules().get(0);
    }

    private static String detail(String yaml) {
        Result<QualityRules> result = QualityRules.parse(yaml);
        assertThat(result.isOk()).as("parse of %s", yaml).isFalse();
        Problem problem = result.problem();
        assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
        assertThat(problem.code()).isEqualTo("invalid-quality-rules");
        return problem.detail();
    }
}
