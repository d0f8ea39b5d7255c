package city.tds.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The facts a policy is evaluated against: one intended use of the data. Every fact but the action and the time may
 * be unknown ({@code null}, or {@code -1} for {@code priorUses}); a constraint on an unknown fact neither holds nor
 * fails, so the decision is {@link Decision.Undetermined} and names what is missing. Building offers asks with only
 * the recipient's facts known ("could this participant get it?"); agreeing and starting a transfer ask with all of
 * them.
 *
 * @param action the action the recipient wants to exercise, e.g. {@link Action#USE}
 * @param at when; compared with {@code odrl:dateTime}
 * @param purpose the stated purpose ({@code odrl:purpose}), e.g. {@code tds:purpose/credit-risk}
 * @param elapsed time since the first use or the agreement ({@code odrl:elapsedTime})
 * @param priorUses how many times the action was exercised before this use; this use is number {@code priorUses + 1}
 *     ({@code odrl:count}); {@code -1} when unknown
 * @param recipient the recipient's participant identifier ({@code odrl:recipient})
 * @param recipientIndustry from the recipient's credential ({@code tds:recipientIndustry})
 * @param recipientOrganizationType from the recipient's credential ({@code tds:recipientOrganizationType})
 * @param recipientRoles the recipient's roles in the space, from its credential ({@code tds:recipientRole}); a
 *     constraint holds when any role satisfies it ({@code neq}/{@code isNoneOf}: when none is excluded)
 * @param place where the data is used ({@code odrl:spatial})
 * @param zone the catalog zone the use happens in ({@code tds:zone})
 * @param channel how the data is delivered ({@code odrl:deliveryChannel})
 */
public record UsageRequest(
        Action action,
        Instant at,
        String purpose,
        Duration elapsed,
        long priorUses,
        String recipient,
        String recipientIndustry,
        String recipientOrganizationType,
        Set<String> recipientRoles,
        RegionCode place,
        String zone,
        DeliveryMode channel) {

    public UsageRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        if (priorUses < -1) {
            throw new IllegalArgumentException("priorUses is -1 (unknown) or a count; got " + priorUses);
        }
        if (elapsed != null && elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time must not be negative; got " + elapsed);
        }
        recipientRoles = recipientRoles == null ? null : Set.copyOf(recipientRoles);
    }

    /** A request to exercise {@code action} at {@code at}, every other fact unknown. */
    public static UsageRequest of(Action action, Instant at) {
        return new UsageRequest(action, at, null, null, -1, null, null, null, null, null, null, null);
    }

    public UsageRequest withPurpose(String value) {
        return new UsageRequest(
                action,
                at,
                value,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                channel);
    }

    public UsageRequest withElapsed(Duration value) {
        return new UsageRequest(
                action,
                at,
                purpose,
                value,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                channel);
    }

    public UsageRequest withPriorUses(long value) {
        return new UsageRequest(
                action,
                at,
                purpose,
                elapsed,
                value,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                channel);
    }

    /** The recipient and the attributes its credential carries. */
    public UsageRequest withRecipient(String id, String industry, String organizationType, Set<String> roles) {
        return new UsageRequest(
                action, at, purpose, elapsed, priorUses, id, industry, organizationType, roles, place, zone, channel);
    }

    public UsageRequest withPlace(RegionCode value) {
        return new UsageRequest(
                action,
                at,
                purpose,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                value,
                zone,
                channel);
    }

    public UsageRequest withZone(String value) {
        return new UsageRequest(
                action,
                at,
                purpose,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                value,
                channel);
    }

    public UsageRequest withChannel(DeliveryMode value) {
        return new UsageRequest(
                action,
                at,
                purpose,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                value);
    }

    public UsageRequest withAction(Action value) {
        return new UsageRequest(
                value,
                at,
                purpose,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                channel);
    }

    public UsageRequest withAt(Instant value) {
        return new UsageRequest(
                action,
                value,
                purpose,
                elapsed,
                priorUses,
                recipient,
                recipientIndustry,
                recipientOrganizationType,
                recipientRoles,
                place,
                zone,
                channel);
    }
}
