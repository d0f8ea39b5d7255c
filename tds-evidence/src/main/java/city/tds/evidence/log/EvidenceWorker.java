package city.tds.evidence.log;

import city.tds.core.lease.Lease;
import city.tds.core.lease.LeaseStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's background work on one thread: whenever a record is queued (or every poll interval), sequence the queue
 * and sign a tree head if one is due, holding the lease {@value #LEASE} so that only one replica does this at a time.
 * Replicas without the lease catch up with the tree instead.
 */
public final class EvidenceWorker implements AutoCloseable {

    static final String LEASE = "evidence-sequencer";
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceWorker.class);
    /**
     * How long a woken sequencer waits for more records before it integrates: records of concurrent changes then go
     * into one transaction and one rewrite of the tree's right edge instead of one each.
     */
    static final Duration LINGER = Duration.ofMillis(20);

    private final EvidenceLog log;
    private final LeaseStore leases;
    private final String holder;
    private final Duration leaseDuration;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private Optional<Lease> lease = Optional.empty();
    private long renewedAt;
    private volatile String lastError;

    public EvidenceWorker(EvidenceLog log, LeaseStore leases, String holder, String threadName) {
        this.log = log;
        this.leases = leases;
        this.holder = holder;
        this.leaseDuration = log.settings().pollInterval().multipliedBy(25);
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        log.onRecord(this::wake);
    }

    public EvidenceWorker start() {
        thread.start();
        return this;
    }

    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (wake.tryAcquire(log.settings().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(LINGER.toMillis());
                }
                wake.drainPermits();
                if (!running) {
                    break;
                }
                if (holdLease()) {
                    while (log.sequenceBatch() == log.settings().batchSize()) {
                        renew();
                    }
                    log.signIfDue();
                } else {
                    log.refresh();
                }
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error(
                        "evidence sequencing failed; retrying in {}",
                        log.settings().pollInterval(),
                        e);
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lease = Optional.empty();
            }
        }
    }

    /**
     * Takes the sequencer lease, or keeps it: renewed once a third of its duration has passed since it was last
     * taken or renewed (a renewal is a commit; doing it on every wake cost as much as the integration).
     */
    private boolean holdLease() {
        long now = System.nanoTime();
        if (lease.isPresent() && now - renewedAt < leaseDuration.dividedBy(3).toNanos()) {
            return true;
        }
        lease = lease.isPresent()
                ? leases.renew(lease.get(), leaseDuration)
                : leases.tryAcquire(LEASE, holder, leaseDuration);
        renewedAt = now;
        return lease.isPresent();
    }

    private void renew() {
        renewedAt = System.nanoTime();
        lease = lease.flatMap(l -> leases.renew(l, leaseDuration));
        if (lease.isEmpty()) {
            throw new IllegalStateException("lost the sequencer lease");
        }
    }

    /** Stops the worker; a holder of the lease first sequences what is queued and signs a head over it. */
    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lease.isPresent()) {
            try {
                while (log.sequenceBatch() > 0) {
                    // drain the queue
                }
                log.signTreeHead();
            } catch (RuntimeException e) {
                LOG.warn("could not sign a final tree head; the next start will", e);
            }
            leases.release(lease.get());
        }
    }

    /** Whether the worker's thread is running. */
    public boolean alive() {
        return thread.isAlive();
    }

    /** When the last sequencing error happened, if one did since the last success. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
