package city.tds.protocol.negotiation;

import java.time.Duration;

/**
 * How often and how long an undeliverable message is retried: exponential backoff from {@code first}, doubling up
 * to {@code longest}, at most {@code attempts} tries in all.
 */
public record RetryPolicy(Duration first, Duration longest, int attempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 12);

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("retry: first > 0, longest >= first, attempts >= 1");
        }
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first failure). */
    public Duration delayAfter(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
