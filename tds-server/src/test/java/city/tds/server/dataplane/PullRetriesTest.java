package city.tds.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRetriesTest {

    @Test
    void waitsDoubleUpToTheLongestThenStopOnceTheBudgetIsSpent() {
        PullRetries retries = new PullRetries(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(40));

        List<Long> waits = new ArrayList<>();
        int attempt = 1;
        for (Optional<Duration> wait = retries.after(attempt); wait.isPresent(); wait = retries.after(++attempt)) {
            waits.add(wait.get().toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 8L, 8L, 8L);
        assertThat(waits.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(40);
        assertThat(retries.after(attempt + 100)).isEmpty();
    }

    @Test
    void theDefaultOutlastsARestartOfTheProvidersConnector() {
        Duration waited = Duration.ZERO;
        int attempt = 1;
        for (Optional<Duration> wait = PullRetries.DEFAULT.after(attempt);
                wait.isPresent();
                wait = PullRetries.DEFAULT.after(++attempt)) {
            assertThat(wait.get()).isLessThanOrEqualTo(Duration.ofSeconds(30));
            waited = waited.plus(wait.get());
        }
        // the old schedule (three attempts, one and two seconds apart) gave up before a connector had started again
        assertThat(attempt).isGreaterThan(10);
        assertThat(waited).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThat(waited).isLessThan(DataPlaneAssembly.TOKEN_LIFE);
    }

    @Test
    void refusesSchedulesThatCannotWait() {
        assertThatThrownBy(() -> new PullRetries(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PullRetries(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PullRetries.DEFAULT.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
