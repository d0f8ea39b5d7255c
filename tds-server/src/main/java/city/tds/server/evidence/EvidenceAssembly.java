package city.tds.server.evidence;

import city.tds.core.health.HealthCheck;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.EvidenceWorker;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.server.http.ApiRoutes;
import city.tds.store.Database;
import city.tds.store.JdbiLeaseStore;
import java.time.Clock;

/** The node's evidence log, its background worker, health check and routes, wired together. */
public final class EvidenceAssembly implements AutoCloseable {

    private final EvidenceLog log;
    private final Database database;
    private final Clock clock;
    private EvidenceWorker worker;

    private EvidenceAssembly(EvidenceLog log, Database database, Clock clock) {
        this.log = log;
        this.database = database;
        this.clock = clock;
    }

    /** Opens the log in the node's database; records can be queued at once, the worker starts later. */
    public static EvidenceAssembly open(
            Database database, CryptoSuite suite, SigningKeyPair keys, Clock clock, EvidenceSettings settings) {
        EvidenceLog log = new EvidenceLog(
                new JdbiEvidenceStore(database, suite.hashLength()),
                database.unitOfWork(),
                suite,
                keys,
                clock,
                settings);
        return new EvidenceAssembly(log, database, clock);
    }

    /**
     * Starts sequencing and signing.
     *
     * @param holder this replica's name for the sequencer lease
     */
    public void startWorker(String nodeName, String holder) {
        worker = new EvidenceWorker(log, new JdbiLeaseStore(database, clock), holder, "tds-" + nodeName + "-evidence")
                .start();
    }

    public EvidenceLog log() {
        return log;
    }

    public HealthCheck healthCheck() {
        return new EvidenceHealthCheck(log, () -> worker);
    }

    public ApiRoutes routes() {
        return new EvidenceRoutes(log);
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
