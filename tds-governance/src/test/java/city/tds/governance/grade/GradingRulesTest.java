package city.tds.governance.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingRulesTest {

    private final GradingRules rules = GradingRules.standard();

    @Test
    void idNumbersFoundInValuesMakeAColumnSensitivePersonalInformationOfLevelFour() {
        ResourceGrading g = rules.propose(List.of(
                new ColumnFacts("col_a", Map.of("RESIDENT_ID", 0.99), 5_000), new ColumnFacts("金额", Map.of(), 3_000)));
        GradeProposal a = g.columns().get("col_a");
        assertThat(a.grade()).isEqualTo(Grade.general(4));
        assertThat(a.category()).isEqualTo("敏感个人信息");
        assertThat(a.fired()).extracting(GradeProposal.FiredRule::id).containsExactly("sensitive-personal-identity");
        assertThat(g.columns().get("金额").grade()).isEqualTo(Grade.general(2));
        assertThat(g.columns().get("金额").fired())
                .extracting(GradeProposal.FiredRule::id)
                .containsExactly("default");
        assertThat(g.resource().grade().label()).isEqualTo("一般数据4级");
    }

    @Test
    void lowConfidenceFindingsDoNotFireButColumnNamesDo() {
        ResourceGrading g =
                rules.propose(List.of(new ColumnFacts("备注", Map.of("MOBILE", 0.2), 10), ColumnFacts.named("联系人手机")));
        assertThat(g.columns().get("备注").grade()).isEqualTo(Grade.general(2));
        GradeProposal phone = g.columns().get("联系人手机");
        assertThat(phone.grade()).isEqualTo(Grade.general(3));
        assertThat(phone.fired())
                .extracting(GradeProposal.FiredRule::id)
                .containsExactlyInAnyOrder("personal-contact", "personal-name-address");
    }

    @Test
    void scaleAndCombinationRulesRaiseTheResourceAndListEveryRuleThatFired() {
        ResourceGrading g = rules.propose(List.of(
                new ColumnFacts("身份证号", Map.of("RESIDENT_ID", 1.0), 2_000_000),
                new ColumnFacts("姓名", Map.of("PERSON_NAME", 0.9), 1_500_000)));
        assertThat(g.resource().grade()).isEqualTo(Grade.IMPORTANT);
        assertThat(g.resource().fired().get(0).id()).isEqualTo("large-scale-sensitive-personal");
        assertThat(g.resource().fired())
                .extracting(GradeProposal.FiredRule::id)
                .contains("identity-linked", "sensitive-personal-identity", "personal-name-address");
        assertThat(g.resource().fired().stream()
                        .filter(f -> f.id().equals("identity-linked"))
                        .findFirst()
                        .orElseThrow()
                        .on())
                .isEqualTo("姓名,身份证号");
    }

    @Test
    void creditCodesAloneArePublicOrganisationData() {
        ResourceGrading g = rules.propose(List.of(new ColumnFacts("统一社会信用代码", Map.of("CREDIT_CODE", 1.0), 3_000)));
        assertThat(g.resource().grade()).isEqualTo(Grade.general(2)); // the default floor for the resource
        assertThat(g.columns().get("统一社会信用代码").grade()).isEqualTo(Grade.general(1));
    }

    @Test
    void anOperatorsRuleSetIsCheckedKeyByKey() {
        assertThat(GradingRules.parse("default: {grade: 5, because: x}")
                        .problem()
                        .detail())
                .startsWith("default.grade: a grade is 1, 2, 3 or 4");
        assertThat(GradingRules.parse("default: {grade: 2, because: x}\ncolumns:\n  - {id: a, grade: 3, because: y}")
                        .problem()
                        .detail())
                .isEqualTo("columns[0]: a column rule needs kinds or names to fire on");
        assertThat(GradingRules.parse("default: {grade: 2, because: x}\ncolumns:\n  - {id: a, kind: [X], grade: 3}")
                        .problem()
                        .detail())
                .startsWith("columns[0].kind: unknown key");
        assertThat(GradingRules.parse("columns: []").problem().detail()).isEqualTo("default: is required");
        assertThat(GradingRules.parse("default: [").problem().code()).isEqualTo("grading-rules-invalid");
        assertThat(GradingRules.parse(
                                "default: {grade: 2, because: x}\nresource:\n  - {id: r, category: c, grade: IMPORTANT, because: z}")
                        .problem()
                        .detail())
                .isEqualTo("resource[0]: a resource rule has either category with minDistinct, or allKinds");
    }

    @Test
    void gradesOrderAndParseTheirChineseLabels() {
        assertThat(Grade.parse("一般数据3级")).isEqualTo(Grade.general(3));
        assertThat(Grade.parse("重要数据")).isEqualTo(Grade.IMPORTANT);
        assertThat(Grade.CORE.compareTo(Grade.IMPORTANT)).isPositive();
        assertThat(Grade.IMPORTANT.compareTo(Grade.general(4))).isPositive();
        assertThat(Grade.general(1).max(Grade.general(3))).isEqualTo(Grade.general(3));
        assertThatThrownBy(() -> Grade.parse("0")).isInstanceOf(IllegalArgumentException.class);
    }
}
