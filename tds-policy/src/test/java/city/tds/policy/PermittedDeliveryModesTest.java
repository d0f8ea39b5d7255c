package city.tds.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PermittedDeliveryModesTest {

    private static Policy permitting(Rule... permissions) {
        return Policies.offer(null, null, null, permissions);
    }

    @Test
    void withoutAChannelConstraintEveryModeIsPermitted() {
        Policy policy = permitting(Policies.permission(Action.USE, Policies.usesAtMost(10)));

        assertThat(policy.permittedDeliveryModes()).containsExactlyInAnyOrder(DeliveryMode.values());
    }

    @Test
    void aChannelConstraintLimitsTheModes() {
        Policy policy = permitting(Policies.permission(
                Action.USE, Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING)));

        assertThat(policy.permittedDeliveryModes())
                .containsExactly(DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING);
    }

    @Test
    void theModesOfSeveralPermissionsAreUnited() {
        Policy policy = permitting(
                Policies.permission(Action.USE, Policies.deliveredVia(DeliveryMode.API)),
                Policies.permission(Action.READ, Policies.deliveredVia(DeliveryMode.SANDBOX)));

        assertThat(policy.permittedDeliveryModes()).containsExactly(DeliveryMode.API, DeliveryMode.SANDBOX);
    }

    @Test
    void anUnconstrainedPermissionNextToAConstrainedOneAllowsEverything() {
        Policy policy = permitting(
                Policies.permission(Action.USE, Policies.deliveredVia(DeliveryMode.API)),
                Policies.permission(Action.READ, Policies.purposeIs("research")));

        assertThat(policy.permittedDeliveryModes()).hasSize(4);
    }

    @Test
    void isNoneOfLeavesTheOthers() {
        Policy policy = permitting(Policies.permission(
                Action.USE,
                Constraint.of(
                        LeftOperand.DELIVERY_CHANNEL,
                        Operator.IS_NONE_OF,
                        RightOperand.deliveryModes(DeliveryMode.FILE_TRANSFER))));

        assertThat(policy.permittedDeliveryModes())
                .containsExactly(DeliveryMode.API, DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING);
    }

    @Test
    void constraintsOfOnePermissionIntersect() {
        Policy policy = permitting(Policies.permission(
                Action.USE,
                Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.API),
                Constraint.and(Policies.deliveredVia(DeliveryMode.API, DeliveryMode.FILE_TRANSFER))));

        assertThat(policy.permittedDeliveryModes()).containsExactly(DeliveryMode.API);
    }

    @Test
    void anOrWithAnotherOperandAdmitsEveryMode() {
        Policy policy = permitting(Policies.permission(
                Action.USE,
                Constraint.or(Policies.deliveredVia(DeliveryMode.SANDBOX), Policies.purposeIs("research"))));

        assertThat(policy.permittedDeliveryModes()).hasSize(4);
    }

    @Test
    void anOrOfChannelsUnitesThem() {
        Policy policy = permitting(Policies.permission(
                Action.USE,
                Constraint.or(Policies.deliveredVia(DeliveryMode.SANDBOX), Policies.deliveredVia(DeliveryMode.API))));

        assertThat(policy.permittedDeliveryModes()).containsExactly(DeliveryMode.API, DeliveryMode.SANDBOX);
    }

    @Test
    void anUnconditionalProhibitionOfAChannelRemovesIt() {
        Policy policy = Policies.offer(
                null,
                null,
                null,
                List.of(Policies.permission(Action.READ)),
                List.of(Policies.prohibition(Action.USE, Policies.deliveredVia(DeliveryMode.FILE_TRANSFER))));

        assertThat(policy.permittedDeliveryModes())
                .containsExactly(DeliveryMode.API, DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING);
        Policy permissionsWin = new Policy(
                null,
                PolicyType.OFFER,
                null,
                null,
                null,
                policy.permissions(),
                policy.prohibitions(),
                List.of(),
                ConflictStrategy.PERMIT);
        assertThat(permissionsWin.permittedDeliveryModes()).hasSize(4);
    }

    @Test
    void aConditionalOrUnrelatedProhibitionRemovesNothing() {
        Policy policy = Policies.offer(
                null,
                null,
                null,
                List.of(Policies.permission(Action.READ)),
                List.of(
                        Policies.prohibition(
                                Action.USE,
                                Policies.deliveredVia(DeliveryMode.FILE_TRANSFER),
                                Policies.purposeIs("marketing")),
                        Policies.prohibition(Action.DISTRIBUTE, Policies.deliveredVia(DeliveryMode.API))));

        assertThat(policy.permittedDeliveryModes()).hasSize(4);
    }

    @Test
    void aPolicyWithoutPermissionsPermitsNoMode() {
        Policy policy = Policies.offer(null, null, null, List.of(), List.of(Policies.prohibition(Action.DISTRIBUTE)));

        assertThat(policy.permittedDeliveryModes()).isEmpty();
    }

    @Test
    void theCommonUsePermissionCombinesPurposeCountAndModes() {
        Rule use = Policies.useFor(List.of("tds:purpose/credit-risk"), 1000, DeliveryMode.SANDBOX);

        assertThat(use.constraints())
                .containsExactly(
                        Constraint.of(LeftOperand.PURPOSE, Operator.EQ, RightOperand.text("tds:purpose/credit-risk")),
                        Constraint.of(LeftOperand.COUNT, Operator.LTEQ, RightOperand.integer(1000)),
                        Constraint.of(
                                LeftOperand.DELIVERY_CHANNEL,
                                Operator.EQ,
                                RightOperand.deliveryModes(DeliveryMode.SANDBOX)));
        assertThat(Policies.offer(null, null, null, use).permittedDeliveryModes())
                .containsExactly(DeliveryMode.SANDBOX);
    }
}
