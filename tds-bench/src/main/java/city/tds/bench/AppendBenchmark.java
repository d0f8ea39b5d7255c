package city.tds.bench;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable appends per second from concurrent writers. Each writer runs business transactions that insert one business
 * row and record {@code per-tx} evidence records in the same unit of work (one {@code recordAll} batch when there
 * are several); a record counts once its transaction
 * committed. The baseline runs the same transactions without evidence, to show what the log adds. Afterwards the
 * sequencer integrates the queue into the tree and its rate is measured too.
 */
final class AppendBenchmark {

    private AppendBenchmark() {}

    static void main(String[] args) throws Exception {
        String kind = BenchMain.option(args, "--database", "h2");
        int writers = Integer.parseInt(BenchMain.option(args, "--writers", "8"));
        int seconds = Integer.parseInt(BenchMain.option(args, "--seconds", "10"));
        String[] perTx = BenchMain.option(args, "--per-tx", "1,10,100").split(",");
        CryptoSuite suite = new GmSuite(new SecureRandom());
        try (BenchDatabases databases = new BenchDatabases(kind)) {
            System.out.printf(
                    "append benchmark: %s, %d writers, %d s per run, %d cores, Java %s%n",
                    databases.describe(),
                    writers,
                    seconds,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.printf(
                    "%-14s %18s %20s %18s %20s%n",
                    "records/tx", "baseline tx/s", "evidence tx/s", "records/s", "sequenced records/s");
            for (String n : perTx) {
                int records = Integer.parseInt(n.trim());
                double baseline;
                try (Database db = databases.fresh(writers + 2)) {
                    baseline = run(db, null, suite, writers, seconds, 0);
                }
                try (Database db = databases.fresh(writers + 2)) {
                    EvidenceLog log = new EvidenceLog(
                            new JdbiEvidenceStore(db, suite.hashLength()),
                            db.unitOfWork(),
                            suite,
                            suite.generateSigningKeyPair(),
                            Clock.systemUTC(),
                            EvidenceSettings.DEFAULT);
                    double txPerSecond = run(db, log, suite, writers, seconds, records);
                    long queued = db.jdbi()
                            .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM evidence_queue")
                                    .mapTo(Long.class)
                                    .one());
                    long start = System.nanoTime();
                    while (log.sequenceBatch() > 0) {
                        // integrate everything the writers queued
                    }
                    double sequenced = queued / ((System.nanoTime() - start) / 1e9);
                    System.out.printf(
                            "%-14d %18.0f %20.0f %18.0f %20.0f%n",
                            records, baseline, txPerSecond, txPerSecond * records, sequenced);
                }
            }
        }
    }

    /** Returns committed transactions per second. */
    private static double run(
            Database db, EvidenceLog log, CryptoSuite suite, int writers, int seconds, int recordsPerTx)
            throws InterruptedException {
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS bench_change (id BIGINT PRIMARY KEY)"));
        JdbiUnitOfWork uow = db.unitOfWork();
        AtomicLong ids = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (running.get()) {
                        long id = ids.incrementAndGet();
                        uow.run(tx -> {
                            uow.withHandle(h -> h.execute("INSERT INTO bench_change (id) VALUES (?)", id));
                            if (recordsPerTx == 1) {
                                log.recorder().record(event(id, 0));
                            } else if (recordsPerTx > 1) {
                                List<EvidenceEvent> events = new ArrayList<>(recordsPerTx);
                                for (int r = 0; r < recordsPerTx; r++) {
                                    events.add(event(id, r));
                                }
                                log.recorder().recordAll(events);
                            }
                        });
                        if (measuring.get()) {
                            committed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(2_000); // warm-up before measuring; a benchmark, not a test
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        done.await();
        return committed.get() / elapsed;
    }

    private static EvidenceEvent event(long id, int r) {
        return new EvidenceEvent(
                "bench.change",
                Clock.systemUTC().instant(),
                EvidenceActor.participant("p-bench", "writer"),
                List.of("change:" + id),
                Set.of("p-other"),
                ("{\"id\":" + id + ",\"r\":" + r + "}").getBytes(StandardCharsets.UTF_8));
    }
}
