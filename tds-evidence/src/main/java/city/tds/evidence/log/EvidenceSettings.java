package city.tds.evidence.log;

import java.time.Duration;

/**
 * How the log runs.
 *
 * @param batchSize most queued records integrated per sequencer transaction
 * @param pollInterval how often the sequencer looks at the queue when nothing wakes it (records written by another
 *     replica); also the bound on the delay before such a record is sequenced
 * @param signInterval a new tree head is signed at most this often when the tree has grown (receipts sign on demand)
 * @param cachedTiles complete tiles kept in memory for proofs (16 KiB each)
 */
public record EvidenceSettings(int batchSize, Duration pollInterval, Duration signInterval, int cachedTiles) {

    public static final EvidenceSettings DEFAULT =
            new EvidenceSettings(4096, Duration.ofMillis(200), Duration.ofSeconds(10), 512);

    public EvidenceSettings {
        if (batchSize < 1 || cachedTiles < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("invalid evidence settings");
        }
    }
}
