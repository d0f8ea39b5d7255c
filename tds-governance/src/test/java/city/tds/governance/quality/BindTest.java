package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindTest {

    private static final List<String> HEADER = List.of("统一社会信用代码", "增值税额", "更新时间");

    @Test
    void bindsEachRuleToItsColumns() {
        BoundRules rules = QualityRun.bind(
                "rules: [{ rule: compound-unique, columns: [更新时间, 统一社会信用代码] }, { rule: row-count-between, min: 1 }]",
                HEADER);

        List<RuleCheck> checks = rules.checks();
        assertThat(checks.get(0).columns()).containsExactly(2, 0);
        assertThat(checks.get(1).columns()).isEmpty();
        assertThat(checks.get(0).rule()).isSameAs(rules.rules().get(0));
    }

    @Test
    void namesAColumnThatIsNotInTheHeader() {
        assertThat(detail("rules: [{ rule: not-null, column: 手机号 }]", Map.of()))
                .isEqualTo("rules[0] (not-null 手机号): column \"手机号\" is not in the header "
                        + "(columns: 统一社会信用代码, 增值税额, 更新时间)");
        assertThat(detail("rules: [{ rule: compound-unique, columns: [增值税额, 月份] }]", Map.of()))
                .contains("column \"月份\" is not in the header");
    }

    @Test
    void refusesAColumnTheHeaderHoldsTwice() {
        Result<BoundRules> result = QualityRules.parse("rules: [{ rule: unique, column: a }]")
                .orElseThrow()
                .bind(List.of("a", "b", "a"), QualityRun.CLOCK);

        assertThat(result.problem().detail())
                .isEqualTo("rules[0] (unique a): column \"a\" appears more than once in the header");
    }

    @Test
    void refusesRulesOfTheWrongTypeForADeclaredColumn() {
        assertThat(detail("rules: [{ rule: between, column: 更新时间, min: 0 }]", Map.of("更新时间", ColumnType.DATE)))
                .isEqualTo("rules[0] (between 更新时间 [0, ]): column \"更新时间\" is declared DATE, "
                        + "between with numeric bounds needs a NUMBER column");
        assertThat(detail("rules: [{ rule: between, column: 增值税额, max: 10 }]", Map.of("增值税额", ColumnType.TEXT)))
                .contains("is declared TEXT, between with numeric bounds needs a NUMBER column");
        assertThat(detail(
                        "rules: [{ rule: between, column: 增值税额, min: 2024-01-01 }]", Map.of("增值税额", ColumnType.NUMBER)))
                .contains("is declared NUMBER, between with date bounds needs a DATE column");
        assertThat(detail(
                        "rules: [{ rule: freshness, column: 增值税额, max-age: P1D }]", Map.of("增值税额", ColumnType.NUMBER)))
                .isEqualTo("rules[0] (freshness 增值税额 P1D): column \"增值税额\" is declared NUMBER, "
                        + "freshness needs a DATE column");
    }

    @Test
    void acceptsRulesThatFitTheDeclaredTypes() {
        Result<BoundRules> result = QualityRules.parse("""
                        rules:
                          - { rule: between, column: 增值税额, min: 0 }
                          - { rule: freshness, column: 更新时间, max-age: P1D }
                          - { rule: matches, column: 增值税额, pattern: "[0-9]+" }
                          - { rule: unique, column: 统一社会信用代码 }
                        """)
                .orElseThrow()
                .bind(
                        HEADER,
                        Map.of(
                                "增值税额", ColumnType.NUMBER,
                                "更新时间", ColumnType.DATE,
                                "统一社会信用代码", ColumnType.TEXT),
                        QualityRun.CLOCK);

        assertThat(result.isOk()).isTrue();
    }

    private static String detail(String yaml, Map<String, ColumnType> types) {
        Result<BoundRules> result = QualityRules.parse(yaml).orElseThrow().bind(HEADER, types, QualityRun.CLOCK);
        assertThat(result.isOk()).isFalse();
        assertThat(result.problem().code()).isEqualTo("quality-rules-do-not-fit");
        return result.problem().detail();
    }
}
