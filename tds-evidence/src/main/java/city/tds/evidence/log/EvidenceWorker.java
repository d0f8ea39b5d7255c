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

    private final EvidenceLog log;
    private final LeaseStore leases;
    private final String holder;
    private final Duration leaseDuration;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private Optional<Lease> lease = Optional.empty();
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
                wake.tryAcquire(log.settings().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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

    private boolean holdLease() {
        lease = lease.isPresent()
                ? leases.renew(lease.get(), leaseDuration)
                : leases.tryAcquire(LEASE, holder, leaseDuration);
        return lease.isPresent();
    }

    private void renew() {
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
