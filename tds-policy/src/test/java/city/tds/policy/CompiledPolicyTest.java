package city.tds.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final String BANK = "urn:tds:participant:bank";

    /** The demo's tax product: credit-risk use by banks, 1,000 uses, sandbox or API, within 2026, delete in 30 days. */
    private static final Policy TAX_OFFER = Policies.offer(
            "urn:tds:policy:tax",
            "urn:tds:participant:tax-bureau",
            "urn:tds:product:tax",
            Policies.permission(
                    Action.USE,
                    List.of(
                            Policies.purposeIs("tds:purpose/credit-risk", "tds:purpose/kyc"),
                            Policies.recipientIndustryIs("金融业"),
                            Policies.usesAtMost(1000),
                            Policies.usableUntil(Instant.parse("2026-12-31T16:00:00Z")),
                            Policies.deliveredVia(DeliveryMode.SANDBOX, DeliveryMode.API)),
                    List.of(Policies.deleteWithin(Duration.ofDays(30)))));

    private static UsageRequest bankUse() {
        return UsageRequest.of(Action.USE, NOW)
                .withPurpose("tds:purpose/credit-risk")
                .withRecipient(BANK, "金融业", "企业法人", Set.of("consumer"))
                .withPriorUses(0)
                .withChannel(DeliveryMode.SANDBOX);
    }

    private static Decision decide(Policy policy, UsageRequest request) {
        return CompiledPolicy.of(policy).decide(request);
    }

    @Test
    void permitsAUseThatMeetsEveryConstraintAndNamesTheDuties() {
        Decision decision = decide(TAX_OFFER, bankUse());

        assertThat(decision.permitted()).isTrue();
        Decision.Permitted permitted = (Decision.Permitted) decision;
        assertThat(permitted.permission()).isEqualTo("/permission/0");
        assertThat(permitted.duties()).extracting(Duty::action).containsExactly(Action.DELETE);
        assertThat(decision.explanation()).isEqualTo("permitted by /permission/0 with duties odrl:delete");
    }

    @Test
    void aPermitIsTheSameObjectEveryTime() {
        CompiledPolicy policy = CompiledPolicy.of(TAX_OFFER);
        assertThat(policy.decide(bankUse())).isSameAs(policy.decide(bankUse().withPurpose("tds:purpose/kyc")));
    }

    @Test
    void aWrongPurposeIsDeniedNamingTheConstraintAndTheRequestsValue() {
        Decision decision = decide(TAX_OFFER, bankUse().withPurpose("tds:purpose/marketing"));

        assertThat(decision.permitted()).isFalse();
        assertThat(decision.possible()).isFalse();
        List<Refusal> refusals = ((Decision.Denied) decision).refusals();
        assertThat(refusals)
                .containsExactly(new Refusal(
                        "/permission/0/constraint/0",
                        "odrl:purpose isAnyOf [tds:purpose/credit-risk, tds:purpose/kyc]",
                        "the request's 使用目的 (odrl:purpose) is tds:purpose/marketing"));
        assertThat(decision.explanation())
                .isEqualTo("denied: /permission/0/constraint/0: odrl:purpose isAnyOf [tds:purpose/credit-risk,"
                        + " tds:purpose/kyc] does not hold, the request's 使用目的 (odrl:purpose) is"
                        + " tds:purpose/marketing");
    }

    @Test
    void everyFailedConstraintOfThePermissionIsReported() {
        UsageRequest request = bankUse()
                .withRecipient("urn:tds:participant:shop", "零售业", "企业法人", Set.of("consumer"))
                .withChannel(DeliveryMode.FILE_TRANSFER);

        List<Refusal> refusals = ((Decision.Denied) decide(TAX_OFFER, request)).refusals();

        assertThat(refusals)
                .extracting(Refusal::location)
                .containsExactly("/permission/0/constraint/1", "/permission/0/constraint/4");
        assertThat(refusals.get(1).reason()).isEqualTo("the request's 交付方式 (odrl:deliveryChannel) is tds:fileTransfer");
    }

    @Test
    void theCountCountsThisUse() {
        CompiledPolicy policy = CompiledPolicy.of(TAX_OFFER);

        assertThat(policy.decide(bankUse().withPriorUses(999)).permitted()).isTrue();
        Decision last = policy.decide(bankUse().withPriorUses(1000));
        assertThat(last.permitted()).isFalse();
        assertThat(((Decision.Denied) last).refusals().get(0))
                .isEqualTo(new Refusal(
                        "/permission/0/constraint/2",
                        "odrl:count lteq 1000",
                        "the request's 使用次数 (odrl:count) is use number 1001"));
    }

    @Test
    void theTimeWindowIsInclusiveAtItsEnd() {
        CompiledPolicy policy = CompiledPolicy.of(TAX_OFFER);
        Instant end = Instant.parse("2026-12-31T16:00:00Z");

        assertThat(policy.decide(bankUse().withAt(end)).permitted()).isTrue();
        assertThat(policy.decide(bankUse().withAt(end.plusMillis(1))).permitted())
                .isFalse();
    }

    @Test
    void missingFactsMakeTheDecisionUndeterminedAndNameThem() {
        UsageRequest onlyTheRecipient =
                UsageRequest.of(Action.USE, NOW).withRecipient(BANK, "金融业", "企业法人", Set.of("consumer"));

        Decision decision = decide(TAX_OFFER, onlyTheRecipient);

        assertThat(decision).isInstanceOf(Decision.Undetermined.class);
        assertThat(decision.possible()).isTrue();
        assertThat(decision.permitted()).isFalse();
        assertThat(((Decision.Undetermined) decision).missing())
                .containsExactlyInAnyOrder(LeftOperand.PURPOSE, LeftOperand.COUNT, LeftOperand.DELIVERY_CHANNEL);
        assertThat(decision.explanation()).contains("the request does not state 使用目的 (odrl:purpose)");
    }

    @Test
    void aFailedFactDeniesEvenWhenOthersAreMissing() {
        UsageRequest retailer =
                UsageRequest.of(Action.USE, NOW).withRecipient("urn:tds:participant:shop", "零售业", null, Set.of());

        Decision decision = decide(TAX_OFFER, retailer);

        assertThat(decision.possible()).isFalse();
        assertThat(((Decision.Denied) decision).refusals())
                .extracting(Refusal::location)
                .containsExactly("/permission/0/constraint/1");
    }

    @Test
    void anActionOutsideEveryPermissionIsDenied() {
        Decision decision = decide(TAX_OFFER, bankUse().withAction(Action.TRANSFER));

        assertThat(((Decision.Denied) decision).refusals())
                .containsExactly(new Refusal("", null, "no permission covers odrl:transfer; it permits odrl:use"));
    }

    @Nested
    class Actions {
        @Test
        void useIncludesReadButReadDoesNotIncludeUse() {
            Policy readOnly = Policies.offer("urn:p", "urn:a", "urn:t", Policies.permission(Action.READ));
            Policy use = Policies.offer("urn:p", "urn:a", "urn:t", Policies.permission(Action.USE));

            assertThat(decide(use, UsageRequest.of(Action.READ, NOW)).permitted())
                    .isTrue();
            assertThat(decide(readOnly, UsageRequest.of(Action.READ, NOW)).permitted())
                    .isTrue();
            assertThat(decide(readOnly, UsageRequest.of(Action.USE, NOW)).permitted())
                    .isFalse();
            assertThat(decide(use, UsageRequest.of(Action.TRANSFER, NOW)).permitted())
                    .isFalse();
        }
    }

    @Nested
    class Conflicts {
        private final Rule useAnywhere = Policies.permission(Action.USE);
        private final Rule noDistributionOutsideHangzhou = Policies.prohibition(
                Action.DISTRIBUTE,
                new AtomicConstraint(LeftOperand.SPATIAL, Operator.IS_NONE_OF, RightOperand.regions("330100")));

        private Policy withConflict(ConflictStrategy strategy) {
            return new Policy(
                    "urn:p",
                    PolicyType.OFFER,
                    "urn:a",
                    null,
                    "urn:t",
                    List.of(useAnywhere),
                    List.of(noDistributionOutsideHangzhou),
                    List.of(),
                    strategy);
        }

        private final UsageRequest distributeInShanghai =
                UsageRequest.of(Action.DISTRIBUTE, NOW).withPlace(new RegionCode("310101"));
        private final UsageRequest distributeInXihu =
                UsageRequest.of(Action.DISTRIBUTE, NOW).withPlace(new RegionCode("330106"));

        @Test
        void invalidReportsTheConflict() {
            Decision decision = decide(withConflict(ConflictStrategy.INVALID), distributeInShanghai);

            assertThat(((Decision.Denied) decision).refusals())
                    .containsExactly(new Refusal(
                            "/prohibition/0",
                            null,
                            "odrl:distribute is prohibited while /permission/0 permits it; the policy's conflict"
                                    + " strategy is invalid"));
            assertThat(decide(withConflict(ConflictStrategy.INVALID), distributeInXihu)
                            .permitted())
                    .isTrue();
        }

        @Test
        void prohibitWinsAndPermitWins() {
            assertThat(decide(withConflict(ConflictStrategy.PROHIBIT), distributeInShanghai)
                            .permitted())
                    .isFalse();
            assertThat(decide(withConflict(ConflictStrategy.PERMIT), distributeInShanghai)
                            .permitted())
                    .isTrue();
        }

        @Test
        void anUnknownPlaceLeavesTheProhibitionUndetermined() {
            Decision decision =
                    decide(withConflict(ConflictStrategy.PROHIBIT), UsageRequest.of(Action.DISTRIBUTE, NOW));

            assertThat(((Decision.Undetermined) decision).missing()).containsExactly(LeftOperand.SPATIAL);
            assertThat(decide(withConflict(ConflictStrategy.PERMIT), UsageRequest.of(Action.DISTRIBUTE, NOW))
                            .permitted())
                    .isTrue();
        }
    }

    @Nested
    class Operands {
        private Decision with(Constraint constraint, UsageRequest request) {
            return decide(
                    Policies.offer("urn:p", "urn:a", "urn:t", Policies.permission(Action.USE, constraint)), request);
        }

        private final UsageRequest use = UsageRequest.of(Action.USE, NOW);

        @Test
        void spatialIsPartOfContainsAndIsNoneOfExcludesWhatLiesWithin() {
            Constraint inZhejiang = Policies.usedWithin("330000");
            Constraint notInHangzhou =
                    new AtomicConstraint(LeftOperand.SPATIAL, Operator.IS_NONE_OF, RightOperand.regions("330100"));
            Constraint exactlyHangzhou =
                    new AtomicConstraint(LeftOperand.SPATIAL, Operator.EQ, RightOperand.regions("330100"));
            UsageRequest xihu = use.withPlace(new RegionCode("330106"));
            UsageRequest ningbo = use.withPlace(new RegionCode("330200"));

            assertThat(with(inZhejiang, xihu).permitted()).isTrue();
            assertThat(with(inZhejiang, use.withPlace(new RegionCode("310101"))).permitted())
                    .isFalse();
            assertThat(with(notInHangzhou, xihu).permitted()).isFalse();
            assertThat(with(notInHangzhou, ningbo).permitted()).isTrue();
            assertThat(with(exactlyHangzhou, xihu).permitted()).isFalse();
            assertThat(with(exactlyHangzhou, use.withPlace(new RegionCode("330100")))
                            .permitted())
                    .isTrue();
        }

        @Test
        void elapsedTimeComparesTheTimeSinceTheStart() {
            Constraint thirtyDays = Policies.usableFor(Duration.ofDays(30));

            assertThat(with(thirtyDays, use.withElapsed(Duration.ofDays(30))).permitted())
                    .isTrue();
            assertThat(with(thirtyDays, use.withElapsed(Duration.ofDays(30).plusSeconds(1))))
                    .isEqualTo(new Decision.Denied(List.of(new Refusal(
                            "/permission/0/constraint/0",
                            "odrl:elapsedTime lteq P30D",
                            "the request's 使用期限 (odrl:elapsedTime) is P30DT1S"))));
        }

        @Test
        void rolesHoldWhenAnyRoleIsAdmittedAndNeqWhenNoneIsExcluded() {
            Constraint consumer = Policies.recipientRoleIs("consumer");
            Constraint notOperator =
                    new AtomicConstraint(LeftOperand.RECIPIENT_ROLE, Operator.NEQ, RightOperand.text("operator"));
            UsageRequest both = use.withRecipient(BANK, null, null, Set.of("provider", "consumer"));
            UsageRequest operator = use.withRecipient(BANK, null, null, Set.of("consumer", "operator"));

            assertThat(with(consumer, both).permitted()).isTrue();
            assertThat(with(consumer, use.withRecipient(BANK, null, null, Set.of("provider")))
                            .permitted())
                    .isFalse();
            assertThat(with(notOperator, both).permitted()).isTrue();
            assertThat(with(notOperator, operator).permitted()).isFalse();
        }

        @Test
        void textNeqAndIsNoneOfExclude() {
            Constraint notMarketing =
                    new AtomicConstraint(LeftOperand.PURPOSE, Operator.IS_NONE_OF, RightOperand.text("营销", "广告"));

            assertThat(with(notMarketing, use.withPurpose("信贷风控")).permitted()).isTrue();
            assertThat(with(notMarketing, use.withPurpose("广告")).permitted()).isFalse();
            assertThat(with(Policies.inZone("finance"), use.withZone("finance")).permitted())
                    .isTrue();
        }

        @Test
        void orHoldsWhenOneBranchHoldsAndExplainsEveryBranchWhenNone() {
            Constraint sandboxOrBank =
                    Constraint.or(Policies.deliveredVia(DeliveryMode.SANDBOX), Policies.recipientIndustryIs("金融业"));
            UsageRequest retailViaApi =
                    use.withChannel(DeliveryMode.API).withRecipient("urn:shop", "零售业", null, Set.of());

            assertThat(with(sandboxOrBank, retailViaApi.withChannel(DeliveryMode.SANDBOX))
                            .permitted())
                    .isTrue();
            assertThat(((Decision.Denied) with(sandboxOrBank, retailViaApi)).refusals())
                    .extracting(Refusal::location)
                    .containsExactly("/permission/0/constraint/0/or/0", "/permission/0/constraint/0/or/1");
        }

        @Test
        void anOrWithOneUnknownBranchAndOneFailedIsUndetermined() {
            Constraint sandboxOrBank =
                    Constraint.or(Policies.deliveredVia(DeliveryMode.SANDBOX), Policies.recipientIndustryIs("金融业"));

            Decision decision = with(sandboxOrBank, use.withRecipient("urn:shop", "零售业", null, Set.of()));

            assertThat(((Decision.Undetermined) decision).missing()).containsExactly(LeftOperand.DELIVERY_CHANNEL);
            assertThat(((Decision.Undetermined) decision).refusals())
                    .extracting(Refusal::location)
                    .containsExactly("/permission/0/constraint/0/or/0");
        }
    }

    @Test
    void obligationsAreDutiesOfEveryPermit() {
        Policy policy = new Policy(
                "urn:p",
                PolicyType.OFFER,
                "urn:a",
                null,
                "urn:t",
                List.of(Policies.permission(Action.READ), Policies.permission(Action.USE)),
                List.of(),
                List.of(Policies.duty(Action.INFORM)));

        Decision.Permitted permitted = (Decision.Permitted) decide(policy, UsageRequest.of(Action.USE, NOW));

        assertThat(permitted.permission()).isEqualTo("/permission/1");
        assertThat(permitted.duties()).extracting(Duty::action).containsExactly(Action.INFORM);
    }

    @Test
    void aPolicyReadFromJsonDecidesTheSameAsTheBuiltOne() {
        String json = PolicyJson.WRITER.toJson(TAX_OFFER);
        Policy read = PolicyJson.READER.read(json).value();

        assertThat(decide(read, bankUse())).isEqualTo(decide(TAX_OFFER, bankUse()));
        assertThat(decide(read, bankUse().withPriorUses(1000)))
                .isEqualTo(decide(TAX_OFFER, bankUse().withPriorUses(1000)));
    }
}
