package city.tds.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Shorthands for building common policies in Java, e.g. an offer to use a product for one purpose, a limited number
 * of times, within a period, only in the sandbox:
 *
 * <pre>{@code
 * Policy offer = Policies.offer(
 *         "urn:tds:policy:42", "urn:tds:participant:tax-bureau", "urn:tds:product:tax-records",
 *         Policies.permission(Action.USE,
 *                 List.of(Policies.purposeIs("tds:purpose/credit-risk"), Policies.usesAtMost(1000),
 *                         Policies.deliveredVia(DeliveryMode.SANDBOX)),
 *                 List.of(Policies.deleteWithin(Duration.ofDays(30)))));
 * }</pre>
 */
public final class Policies {

    private Policies() {}

    /** An offer from {@code assigner} for {@code target}; {@code uid} may be {@code null} while drafting. */
    public static Policy offer(String uid, String assigner, String target, Rule... permissions) {
        return new Policy(uid, PolicyType.OFFER, assigner, null, target, List.of(permissions), List.of(), List.of());
    }

    /** An offer with permissions and prohibitions. */
    public static Policy offer(
            String uid, String assigner, String target, List<Rule> permissions, List<Rule> prohibitions) {
        return new Policy(uid, PolicyType.OFFER, assigner, null, target, permissions, prohibitions, List.of());
    }

    /** A permission to {@code action} when all {@code constraints} hold, taking on {@code duties}. */
    public static Rule permission(Action action, List<Constraint> constraints, List<Duty> duties) {
        return new Rule(action, constraints, duties);
    }

    /** A permission to {@code action} when all {@code constraints} hold. */
    public static Rule permission(Action action, Constraint... constraints) {
        return new Rule(action, List.of(constraints), List.of());
    }

    /** A prohibition of {@code action}, when all {@code constraints} hold (always, when there are none). */
    public static Rule prohibition(Action action, Constraint... constraints) {
        return new Rule(action, List.of(constraints), List.of());
    }

    /**
     * The common product permission: use for one of {@code purposes}, at most {@code maxUses} times, through one of
     * {@code modes}.
     */
    public static Rule useFor(List<String> purposes, long maxUses, DeliveryMode... modes) {
        return permission(
                Action.USE, purposeIs(purposes.toArray(String[]::new)), usesAtMost(maxUses), deliveredVia(modes));
    }

    /** {@code odrl:purpose eq p} for one purpose, {@code isAnyOf} for several. */
    public static AtomicConstraint purposeIs(String... purposes) {
        return anyOf(LeftOperand.PURPOSE, RightOperand.text(purposes));
    }

    /** {@code odrl:count lteq n}. */
    public static AtomicConstraint usesAtMost(long uses) {
        return new AtomicConstraint(LeftOperand.COUNT, Operator.LTEQ, RightOperand.integer(uses));
    }

    /** {@code odrl:elapsedTime lteq d}: usable for {@code period} (counted from the first use). */
    public static AtomicConstraint usableFor(Duration period) {
        return new AtomicConstraint(LeftOperand.ELAPSED_TIME, Operator.LTEQ, RightOperand.duration(period));
    }

    /** {@code odrl:dateTime lteq t}: usable until {@code until}. */
    public static AtomicConstraint usableUntil(Instant until) {
        return new AtomicConstraint(LeftOperand.DATE_TIME, Operator.LTEQ, RightOperand.instant(until));
    }

    /** {@code odrl:dateTime gteq t}: usable from {@code from}. */
    public static AtomicConstraint usableFrom(Instant from) {
        return new AtomicConstraint(LeftOperand.DATE_TIME, Operator.GTEQ, RightOperand.instant(from));
    }

    /** {@code odrl:deliveryChannel eq m} for one mode, {@code isAnyOf} for several. */
    public static AtomicConstraint deliveredVia(DeliveryMode... modes) {
        return anyOf(LeftOperand.DELIVERY_CHANNEL, RightOperand.deliveryModes(modes));
    }

    /** {@code odrl:recipient eq p} / {@code isAnyOf}: only these participants. */
    public static AtomicConstraint recipientIs(String... participants) {
        return anyOf(LeftOperand.RECIPIENT, RightOperand.text(participants));
    }

    /** {@code tds:recipientIndustry eq i} / {@code isAnyOf}, e.g. 金融业. */
    public static AtomicConstraint recipientIndustryIs(String... industries) {
        return anyOf(LeftOperand.RECIPIENT_INDUSTRY, RightOperand.text(industries));
    }

    /** {@code tds:recipientOrganizationType eq t} / {@code isAnyOf}. */
    public static AtomicConstraint recipientOrganizationTypeIs(String... types) {
        return anyOf(LeftOperand.RECIPIENT_ORGANIZATION_TYPE, RightOperand.text(types));
    }

    /** {@code tds:recipientRole eq r} / {@code isAnyOf}. */
    public static AtomicConstraint recipientRoleIs(String... roles) {
        return anyOf(LeftOperand.RECIPIENT_ROLE, RightOperand.text(roles));
    }

    /** {@code odrl:spatial isPartOf r}: used within one of these GB/T 2260 regions. */
    public static AtomicConstraint usedWithin(String... regionCodes) {
        return new AtomicConstraint(LeftOperand.SPATIAL, Operator.IS_PART_OF, RightOperand.regions(regionCodes));
    }

    /** {@code tds:zone eq z} / {@code isAnyOf}: used in one of these catalog zones. */
    public static AtomicConstraint inZone(String... zones) {
        return anyOf(LeftOperand.ZONE, RightOperand.text(zones));
    }

    /** A duty to delete the data within {@code period} ({@code odrl:elapsedTime lteq period}). */
    public static Duty deleteWithin(Duration period) {
        return Duty.of(Action.DELETE, usableFor(period));
    }

    /** A duty to pay {@code amount} in {@code currency} per use ({@code odrl:payAmount eq amount}). */
    public static Duty compensate(BigDecimal amount, String currency) {
        return Duty.of(
                Action.COMPENSATE,
                new AtomicConstraint(LeftOperand.PAY_AMOUNT, Operator.EQ, RightOperand.decimal(amount), currency));
    }

    /** A duty without constraints, e.g. {@code inform} or {@code attribute}. */
    public static Duty duty(Action action) {
        return Duty.of(action);
    }

    private static AtomicConstraint anyOf(LeftOperand operand, RightOperand values) {
        return new AtomicConstraint(operand, values.size() == 1 ? Operator.EQ : Operator.IS_ANY_OF, values);
    }
}
