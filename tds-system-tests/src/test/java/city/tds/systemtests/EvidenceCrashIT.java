package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.node.TdsNode;
import city.tds.server.testkit.TestNodes;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of an append storm: afterwards every committed change has its record and every record its
 * change, every acknowledged commit survived, and the log verifies, before and after the node integrates the rest.
 */
class EvidenceCrashIT {

    @TempDir
    Path dir;

    @Test
    void aKilledNodesLogVerifiesAndNoChangeLacksItsRecord() throws Exception {
        Path data = dir.resolve("storm");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                EvidenceStorm.class.getName(),
                data.toString());
        Set<Long> acknowledged = new HashSet<>();
        try (TdsProcess storm = TdsProcess.launch(new ProcessBuilder(command), Map.of())) {
            // four writers print in any order: wait for 2000 acknowledgements, not for the line of id 2000
            storm.awaitOutput(line -> line.startsWith("committed "), 2000, Duration.ofMinutes(2));
            storm.kill();
            storm.stdout().stream()
                    .filter(line -> line.startsWith("committed "))
                    .forEach(line -> acknowledged.add(Long.parseLong(line.substring(10))));
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2000);

        try (Database db = Database.openExisting(DatabaseSettings.embedded(data))) {
            List<Long> changes = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT id FROM storm_change")
                            .mapTo(Long.class)
                            .list());
            List<Long> recorded = new ArrayList<>();
            db.jdbi().useHandle(h -> {
                recorded.addAll(h.createQuery("SELECT CAST(SUBSTRING(subject, 8) AS BIGINT) FROM evidence_subject"
                                + " WHERE subject LIKE 'change:%'")
                        .mapTo(Long.class)
                        .list());
                for (String subjects : h.createQuery(
                                "SELECT subjects FROM evidence_queue WHERE event_type =" + " 'storm.change'")
                        .mapTo(String.class)
                        .list()) {
                    recorded.add(Long.parseLong(subjects.substring(7)));
                }
            });
            assertThat(changes).as("every acknowledged commit survived").containsAll(acknowledged);
            assertThat(recorded).as("every change has exactly one record").containsExactlyInAnyOrderElementsOf(changes);
        }

        try (TdsProcess verify = TdsProcess.start(Map.of(), "evidence", "verify", "--data-dir", data.toString())) {
            assertThat(verify.awaitExit(Duration.ofMinutes(2)))
                    .as("stdout %s, stderr %s", verify.stdout(), verify.stderr())
                    .isZero();
        }

        long total;
        try (TdsNode restarted = TestNodes.start(data, "storm")) {
            while (restarted.evidence().sequenceBatch() > 0) {
                // integrate what was queued when the node died
            }
            total = restarted.evidence().size();
            // the dead node's sequencer lease has to expire before this one's worker signs
            assertThat(restarted.evidence().awaitTreeHead(total, Duration.ofMinutes(1)))
                    .as("a tree head over all %d records", total)
                    .isPresent();
        }
        try (TdsProcess verify = TdsProcess.start(Map.of(), "evidence", "verify", "--data-dir", data.toString())) {
            assertThat(verify.awaitExit(Duration.ofMinutes(2)))
                    .as("stdout %s, stderr %s", verify.stdout(), verify.stderr())
                    .isZero();
            assertThat(verify.stdout()).anyMatch(line -> line.contains("verified: " + total + " records"));
            assertThat(verify.stdout()).noneMatch(line -> line.contains("not yet covered"));
        }
    }
}
