package city.tds.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds followed by random bits. Identifiers created later sort
 * later, which keeps database indexes compact, and the random part makes collisions between nodes negligible.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random;

    public TimeOrderedIdGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String newId() {
        return newUuid().toString();
    }

    public UUID newUuid() {
        long millis = clock.millis();
        byte[] tail = new byte[10];
        random.nextBytes(tail);
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16;
        high |= 0x7000L; // version 7
        high |= ((tail[0] & 0x0FL) << 8) | (tail[1] & 0xFFL);
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = (low << 8) | (tail[i] & 0xFFL);
        }
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low);
    }
}
