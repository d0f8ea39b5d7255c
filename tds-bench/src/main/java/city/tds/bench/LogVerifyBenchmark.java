package city.tds.bench;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.evidence.verify.LogVerification;
import city.tds.evidence.verify.LogVerifier;
import city.tds.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Builds a log of N records through the real write path, then times the whole-log verifier over it. */
final class LogVerifyBenchmark {

    private LogVerifyBenchmark() {}

    static void main(String[] args) throws Exception {
        String kind = BenchMain.option(args, "--database", "h2");
        long records = Long.parseLong(BenchMain.option(args, "--records", "1000000"));
        SuiteId suiteId = SuiteId.parse(BenchMain.option(args, "--suite", "GM")).orElseThrow();
        CryptoSuite suite = CryptoSuites.create(suiteId, new SecureRandom());
        SigningKeyPair key = suite.generateSigningKeyPair();
        try (BenchDatabases databases = new BenchDatabases(kind);
                Database db = databases.fresh(4)) {
            System.out.printf(
                    "verify benchmark: %s, %d records, suite %s, %d cores, Java %s%n",
                    databases.describe(),
                    records,
                    suiteId,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            JdbiEvidenceStore store = new JdbiEvidenceStore(db, suite.hashLength());
            EvidenceLog log =
                    new EvidenceLog(store, db.unitOfWork(), suite, key, Clock.systemUTC(), EvidenceSettings.DEFAULT);
            long start = System.nanoTime();
            long written = 0;
            while (written < records) {
                long from = written;
                int chunk = (int) Math.min(1_000, records - written);
                db.unitOfWork().run(tx -> {
                    for (int i = 0; i < chunk; i++) {
                        log.recorder().record(event(from + i));
                    }
                });
                written += chunk;
                while (log.sequenceBatch() > 0) {
                    // integrate
                }
            }
            log.signTreeHead();
            double build = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "built and sequenced %d records in %.1f s (%.0f records/s)%n", records, build, records / build);

            start = System.nanoTime();
            LogVerification result = new LogVerifier(store, suite, key.publicKey()).verify();
            double verify = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "verified %d records in %.1f s (%.0f records/s): intact=%s root=%s%n",
                    result.size(), verify, result.size() / verify, result.intact(), result.root());
        }
    }

    private static EvidenceEvent event(long i) {
        return new EvidenceEvent(
                "bench.change",
                Clock.systemUTC().instant(),
                EvidenceActor.participant("p-" + (i % 100), "u-" + (i % 7)),
                List.of("change:" + i, "agreement:a-" + (i % 1000)),
                Set.of("p-other"),
                ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
}
