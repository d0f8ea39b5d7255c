package city.tds.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.testkit.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock, new SecureRandom());

    @Test
    void isVersion7WithTheIetfVariantAndTheClockMillis() {
        UUID id = ids.newUuid();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        String first = ids.newId();
        clock.advance(Duration.ofMillis(1));
        String second = ids.newId();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void idsWithinOneMillisecondAreStillUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.newId());
        }
        assertThat(seen).hasSize(10_000);
    }
}
