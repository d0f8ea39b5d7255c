package city.tds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.lease.Lease;
import city.tds.core.lease.LeaseStore;
import city.tds.core.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the lease store must guarantee on every database. */
public abstract class LeaseStoreContract extends DatabaseContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    private LeaseStore leases;

    @BeforeEach
    void createStore() {
        leases = new JdbiLeaseStore(database, clock);
    }

    @Test
    void aFreeItemIsAcquiredWithTheFirstFencingToken() {
        Lease lease = leases.tryAcquire("negotiation:n1", "replica-a", MINUTE).orElseThrow();

        assertThat(lease.holder()).isEqualTo("replica-a");
        assertThat(lease.fencingToken()).isEqualTo(1);
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(MINUTE));
        assertThat(leases.find("negotiation:n1")).contains(lease);
    }

    @Test
    void aValidLeaseKeepsOthersOutAndTheHolderCanExtendIt() {
        Lease first = leases.tryAcquire("item", "replica-a", MINUTE).orElseThrow();

        assertThat(leases.tryAcquire("item", "replica-b", MINUTE)).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        Lease again = leases.tryAcquire("item", "replica-a", MINUTE).orElseThrow();
        assertThat(again.fencingToken()).isEqualTo(first.fencingToken());
        assertThat(again.expiresAt()).isAfter(first.expiresAt());
    }

    @Test
    void anExpiredLeaseIsTakenOverWithAHigherTokenAndTheOldHolderLosesIt() {
        Lease a = leases.tryAcquire("item", "replica-a", MINUTE).orElseThrow();
        clock.advance(MINUTE);

        Lease b = leases.tryAcquire("item", "replica-b", MINUTE).orElseThrow();

        assertThat(b.fencingToken()).isEqualTo(a.fencingToken() + 1);
        assertThat(leases.renew(a, MINUTE)).isEmpty();
        leases.release(a);
        assertThat(leases.find("item")).contains(b);
        assertThat(leases.tryAcquire("item", "replica-a", MINUTE)).isEmpty();
    }

    @Test
    void renewingExtendsOnlyTheCurrentTenure() {
        Lease lease = leases.tryAcquire("item", "replica-a", MINUTE).orElseThrow();
        clock.advance(Duration.ofSeconds(50));

        Lease renewed = leases.renew(lease, MINUTE).orElseThrow();

        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(MINUTE));
        assertThat(renewed.fencingToken()).isEqualTo(lease.fencingToken());
    }

    @Test
    void releaseFreesTheItemAndTheNextTenureGetsANewToken() {
        Lease lease = leases.tryAcquire("item", "replica-a", MINUTE).orElseThrow();

        leases.release(lease);
        Lease next = leases.tryAcquire("item", "replica-b", MINUTE).orElseThrow();

        assertThat(next.fencingToken()).isEqualTo(lease.fencingToken() + 1);
        Lease reacquired = leases.tryAcquire("item", "replica-b", MINUTE).orElseThrow();
        assertThat(reacquired.fencingToken()).isEqualTo(next.fencingToken());
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> leases.tryAcquire("item", "a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(leases.find("item")).isEmpty();
    }

    @Test
    void ofManyReplicasRacingForAFreshItemExactlyOneWins() throws Exception {
        int replicas = 8;
        CyclicBarrier start = new CyclicBarrier(replicas);
        List<Callable<Optional<Lease>>> attempts = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            String holder = "replica-" + i;
            attempts.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                return leases.tryAcquire("fresh", holder, MINUTE);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            long winners = 0;
            for (Future<Optional<Lease>> result : pool.invokeAll(attempts)) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoConcurrentHoldersNeverHoldTheSameItemAtOnce() throws Exception {
        int rounds = 150;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger lastToken = new AtomicInteger();
        AtomicInteger tokenWentBack = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);

        List<Callable<Integer>> holders = new ArrayList<>();
        for (String holder : List.of("replica-a", "replica-b")) {
            holders.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                int held = 0;
                for (int i = 0; i < rounds; i++) {
                    Optional<Lease> lease = leases.tryAcquire("shared", holder, MINUTE);
                    if (lease.isEmpty()) {
                        continue;
                    }
                    held++;
                    if (inside.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    int token = (int) lease.get().fencingToken();
                    if (token < lastToken.getAndSet(token)) {
                        tokenWentBack.incrementAndGet();
                    }
                    inside.decrementAndGet();
                    leases.release(lease.get());
                }
                return held;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int total = 0;
            for (Future<Integer> held : pool.invokeAll(holders)) {
                total += held.get();
            }
            assertThat(overlaps).hasValue(0);
            assertThat(tokenWentBack).hasValue(0);
            assertThat(total).isPositive();
            assertThat(leases.find("shared").orElseThrow().fencingToken()).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
    }
}
