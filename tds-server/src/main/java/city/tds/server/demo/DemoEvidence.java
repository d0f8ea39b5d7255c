package city.tds.server.demo;

import city.tds.evidence.log.EvidenceLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The demo's view of the evidence logs: the sequence numbers of records, once the sequencer has numbered them. */
final class DemoEvidence {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DemoEvidence() {}

    /**
     * The sequence numbers of {@code log}'s records about {@code subject} (of {@code type}, or any type for null),
     * waiting up to 10 s until there are at least {@code atLeast}.
     */
    static List<Long> numbers(EvidenceLog log, String subject, String type, int atLeast) {
        Instant deadline = Instant.now().plus(WAIT);
        List<Long> seqs = log.search(subject, type, null, 0, 50);
        while (seqs.size() < atLeast && Instant.now().isBefore(deadline)) {
            pause();
            seqs = log.search(subject, type, null, 0, 50);
        }
        return seqs;
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
