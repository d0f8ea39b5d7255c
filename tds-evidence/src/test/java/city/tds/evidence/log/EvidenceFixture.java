package city.tds.evidence.log;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.core.testkit.MutableClock;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.store.DatabaseContract;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** A fresh evidence log on a real database, with a table of decisions to record. */
public abstract class EvidenceFixture extends DatabaseContract {

    protected final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    protected final CryptoSuite suite = new GmSuite(new SecureRandom());
    protected final SigningKeyPair key = suite.generateSigningKeyPair();
    protected EvidenceStore store;
    protected EvidenceLog log;

    @BeforeEach
    void openLog() {
        store = new JdbiEvidenceStore(database, suite.hashLength());
        log = newLog();
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE decision (id VARCHAR(40) PRIMARY KEY)"));
    }

    protected EvidenceLog newLog() {
        return new EvidenceLog(store, database.unitOfWork(), suite, key, clock, EvidenceSettings.DEFAULT);
    }

    protected EvidenceEvent event(String id) {
        return new EvidenceEvent(
                "test.decided",
                clock.instant(),
                EvidenceActor.participant("p-1", "u-1"),
                List.of("decision:" + id),
                Set.of("p-2"),
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A state change and its evidence, in one unit of work. */
    protected EvidenceTicket decide(String id) {
        return database.unitOfWork().inTransaction(tx -> {
            database.unitOfWork().withHandle(h -> h.execute("INSERT INTO decision (id) VALUES (?)", id));
            return log.recorder().record(event(id));
        });
    }

    private int decisions;

    protected void appendAndSequence(int count) {
        for (int i = 0; i < count; i++) {
            decide("d" + decisions++);
        }
        while (log.sequenceBatch() > 0) {
            // drain the queue
        }
    }
}
