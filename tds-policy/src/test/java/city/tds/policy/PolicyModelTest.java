package city.tds.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model refuses, as a programming error, every policy the reader would refuse. */
class PolicyModelTest {

    @Test
    void anOperatorTheOperandDoesNotTakeIsABug() {
        assertThatThrownBy(() -> Constraint.of(LeftOperand.COUNT, Operator.GT, RightOperand.integer(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("odrl:count takes lt, lteq, eq; got gt");
    }

    @Test
    void aValueOfTheWrongTypeIsABug() {
        assertThatThrownBy(() -> Constraint.of(LeftOperand.COUNT, Operator.EQ, RightOperand.text("3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odrl:count takes a non-negative integer");
    }

    @Test
    void severalValuesNeedASetOperator() {
        assertThatThrownBy(() -> Constraint.of(LeftOperand.PURPOSE, Operator.EQ, RightOperand.text("a", "b")))
                .hasMessage("eq takes a single value; got 2");
    }

    @Test
    void payAmountNeedsACurrencyAndOtherOperandsNoUnit() {
        assertThatThrownBy(
                        () -> Constraint.of(LeftOperand.PAY_AMOUNT, Operator.EQ, RightOperand.decimal(BigDecimal.ONE)))
                .hasMessageContaining("odrl:payAmount needs a unit");
        assertThatThrownBy(() -> new AtomicConstraint(LeftOperand.COUNT, Operator.EQ, RightOperand.integer(1), "CNY"))
                .hasMessageContaining("only odrl:payAmount takes a unit");
    }

    @Test
    void payAmountBelongsInACompensateDuty() {
        AtomicConstraint pay =
                new AtomicConstraint(LeftOperand.PAY_AMOUNT, Operator.EQ, RightOperand.decimal(BigDecimal.ONE), "CNY");

        assertThat(Duty.of(Action.COMPENSATE, pay).constraints()).containsExactly(pay);
        assertThatThrownBy(() -> Duty.of(Action.DELETE, pay)).hasMessageContaining("only allowed in a duty");
        assertThatThrownBy(() -> Rule.of(Action.USE, Constraint.and(pay))).hasMessageContaining("only allowed");
    }

    @Test
    void aDutyNeedsADutyAction() {
        assertThatThrownBy(() -> Duty.of(Action.READ))
                .hasMessage(
                        "a duty's action must be one of anonymize, delete, inform, attribute, compensate; got read");
    }

    @Test
    void aPolicyMustGrantOrForbidSomething() {
        assertThatThrownBy(() -> new Policy(null, PolicyType.SET, null, null, null, List.of(), List.of(), List.of()))
                .hasMessage("a policy must grant or forbid something");
    }

    @Test
    void aProhibitionCannotCarryDuties() {
        Rule withDuty = new Rule(Action.DISTRIBUTE, List.of(), List.of(Duty.of(Action.INFORM)));

        assertThatThrownBy(() ->
                        new Policy(null, PolicyType.SET, null, null, null, List.of(), List.of(withDuty), List.of()))
                .hasMessage("a prohibition cannot carry duties");
    }

    @Test
    void anAgreementNamesItsParties() {
        assertThatThrownBy(() -> new Policy(
                        "urn:a",
                        PolicyType.AGREEMENT,
                        "urn:p",
                        null,
                        null,
                        List.of(Rule.of(Action.USE)),
                        List.of(),
                        List.of()))
                .hasMessageContaining("an agreement needs");
    }

    @Test
    void logicalConstraintsNestAtMostFourLevels() {
        Constraint atomic = Policies.purposeIs("x");
        Constraint four = Constraint.and(Constraint.or(Constraint.and(atomic)));

        assertThat(four.depth()).isEqualTo(4);
        assertThatThrownBy(() -> Constraint.or(four)).hasMessage("constraints may nest at most 4 levels deep");
        assertThatThrownBy(() -> new LogicalConstraint(LogicalOperator.AND, List.of()))
                .hasMessage("'and' needs at least one constraint");
    }

    @Test
    void decimalsEqualRegardlessOfTrailingZeros() {
        assertThat(RightOperand.decimal(new BigDecimal("0.50"))).isEqualTo(RightOperand.decimal(new BigDecimal("0.5")));
        assertThat(RightOperand.decimal(new BigDecimal("0.00"))).isEqualTo(RightOperand.decimal(BigDecimal.ZERO));
        assertThatThrownBy(() -> RightOperand.decimal(new BigDecimal("-1"))).hasMessageContaining("negative");
    }

    @Test
    void setValuesDropDuplicatesAndKeepOrder() {
        assertThat(RightOperand.text("b", "a", "b").values()).containsExactly("b", "a");
        assertThat(RightOperand.deliveryModes(DeliveryMode.SANDBOX, DeliveryMode.API)
                        .modes())
                .containsExactly(DeliveryMode.API, DeliveryMode.SANDBOX);
    }

    @ParameterizedTest
    @CsvSource({"P30D,720", "PT12H,12", "P1DT12H,36"})
    void durationsInDaysAndHoursParse(String text, long hours) {
        assertThat(Durations.parse(text).value()).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest
    @CsvSource({"P30D", "PT12H", "P1DT2H3M4S", "PT0.25S", "PT0S", "P400D"})
    void durationsAreWrittenAsTheyAreRead(String text) {
        assertThat(Durations.format(Durations.parse(text).value())).isEqualTo(text);
    }

    @Test
    void regionCodesContainTheirSubdivisions() {
        RegionCode zhejiang = new RegionCode("330000");
        RegionCode hangzhou = new RegionCode("330100");
        RegionCode xihu = new RegionCode("330106");
        RegionCode ningbo = new RegionCode("330200");

        assertThat(zhejiang.contains(xihu)).isTrue();
        assertThat(hangzhou.contains(xihu)).isTrue();
        assertThat(hangzhou.contains(ningbo)).isFalse();
        assertThat(xihu.contains(xihu)).isTrue();
        assertThat(xihu.contains(hangzhou)).isFalse();
        assertThat(RegionCode.isValid("33010")).isFalse();
        assertThat(RegionCode.isValid("033010")).isFalse();
    }

    @Test
    void constrainsLooksIntoDutiesAndNestedConstraints() {
        Policy policy = Policies.offer(
                null,
                null,
                null,
                Policies.permission(Action.USE, Constraint.or(Policies.inZone("z1"), Policies.usedWithin("330100"))));

        assertThat(policy.constrains(LeftOperand.SPATIAL)).isTrue();
        assertThat(policy.constrains(LeftOperand.ZONE)).isTrue();
        assertThat(policy.constrains(LeftOperand.DELIVERY_CHANNEL)).isFalse();
    }
}
