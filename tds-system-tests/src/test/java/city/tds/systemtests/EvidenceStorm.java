package city.tds.systemtests;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.TestNodes;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A child process for the crash test: a real node, and four threads that each, in one unit of work, insert a business
 * change and record its evidence, printing {@code committed <id>} once the commit returned. It runs until killed.
 */
public final class EvidenceStorm {

    public static final String CHANGES = "CREATE TABLE IF NOT EXISTS storm_change (id BIGINT PRIMARY KEY)";

    private EvidenceStorm() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        try (Database db = Database.open(DatabaseSettings.embedded(dataDir))) {
            db.jdbi().useHandle(h -> h.execute(CHANGES));
        }
        TdsNode node = TestNodes.start(dataDir, "storm");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("storm started");
        AtomicLong ids = new AtomicLong();
        var uow = databaseOf(node);
        for (int t = 0; t < 4; t++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    long id = ids.incrementAndGet();
                    uow.run(tx -> {
                        uow.withHandle(h -> h.execute("INSERT INTO storm_change (id) VALUES (?)", id));
                        node.evidence()
                                .recorder()
                                .record(new EvidenceEvent(
                                        "storm.change",
                                        Clock.systemUTC().instant(),
                                        EvidenceActor.participant("p-storm", "writer"),
                                        List.of("change:" + id),
                                        Set.of(),
                                        Long.toString(id).getBytes(StandardCharsets.UTF_8)));
                    });
                    out.println("committed " + id);
                }
            });
            writer.start();
        }
        Thread.currentThread().join();
    }

    private static city.tds.store.JdbiUnitOfWork databaseOf(TdsNode node) {
        return node.database().unitOfWork();
    }
}
