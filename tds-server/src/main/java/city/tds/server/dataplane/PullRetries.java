package city.tds.server.dataplane;

import java.time.Duration;
import java.util.Optional;

/**
 * When a consumer tries an interrupted pull again: after a wait that doubles from {@code first} up to {@code longest},
 * until the waits together would pass {@code budget}. The budget is long enough for a provider's connector to be
 * restarted (a JVM start, its database opened, its key unsealed) or a network to come back; after it the pull waits
 * for the transfer to be resumed or the consumer's connector to restart.
 */
record PullRetries(Duration first, Duration longest, Duration budget) {

    /** 1 s, 2 s, 4 s … 30 s, 30 s …, for 10 minutes (well within an access token's life). */
    static final PullRetries DEFAULT =
            new PullRetries(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

    PullRetries {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("retries need 0 < first <= longest and a budget of 0 or more");
        }
    }

    /** How long to wait after failed attempt {@code attempt} (1 for the first), or empty to stop trying. */
    Optional<Duration> after(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        Duration waited = Duration.ZERO;
        Duration wait = first;
        for (int n = 1; n < attempt; n++) {
            waited = waited.plus(wait);
            wait = min(wait.multipliedBy(2), longest);
            if (waited.compareTo(budget) > 0) {
                return Optional.empty();
            }
        }
        return waited.plus(wait).compareTo(budget) > 0 ? Optional.empty() : Optional.of(wait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
