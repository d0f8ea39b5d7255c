package city.tds.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.evidence.receipt.Receipt;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.TestNodes;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tds evidence verify and export, on a real node's data directory, receipt and export files. */
class EvidenceCliTest {

    @TempDir
    Path dir;

    private Path data;
    private Path receipt;
    private Path nodeDocument;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void runANodeAndStopIt() throws Exception {
        data = dir.resolve("node");
        try (TdsNode node = TestNodes.startConnector(data, "cli-check")) {
            while (node.evidence().sequenceBatch() > 0) {
                // sequence the node's own records
            }
            Receipt issued = node.evidence().receipt(1).value();
            receipt = Files.writeString(
                    dir.resolve("receipt.json"), issued.toJson().toPrettyString());
            nodeDocument = Files.writeString(
                    dir.resolve("node.json"),
                    HttpCall.get(node.url().resolve("/api/v1/node")).body());
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return TdsMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aStoppedNodesLogVerifies() {
        assertThat(run("evidence", "verify", "--data-dir", data.toString(), "--public-key", nodeDocument.toString()))
                .as(out + " " + err)
                .isZero();
        assertThat(out.toString())
                .contains("verified: 2 records")
                .contains("(SM3)")
                .doesNotContain("pin an");
    }

    @Test
    void aTamperedLogFailsWithTheSequenceNumber() {
        try (Database db = Database.openExisting(DatabaseSettings.embedded(data))) {
            db.jdbi()
                    .useHandle(h -> h.execute("UPDATE evidence_leaf SET entry = REPLACE(entry, 'node.started',"
                            + " 'node.stopped') WHERE seq = 1"));
        }
        assertThat(run("evidence", "verify", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED at sequence number 1");
    }

    @Test
    void aReceiptVerifiesOfflineAndAForgedOneDoesNot() throws Exception {
        assertThat(run("evidence", "verify", receipt.toString(), "--public-key", nodeDocument.toString()))
                .isZero();
        assertThat(out.toString()).contains("verified: record 1 (node.started)");

        assertThat(run("evidence", "verify", receipt.toString())).isZero();
        assertThat(out.toString()).contains("pin an independently obtained key");

        Path forged = Files.writeString(
                dir.resolve("forged.json"), Files.readString(receipt).replace("node.started", "node.stopped"));
        assertThat(run("evidence", "verify", forged.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED");

        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\":\"nope\"}");
        assertThat(run("evidence", "verify", garbage.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read receipt");
    }

    @Test
    void anExportVerifiesAndATamperedExportDoesNot() throws Exception {
        Path export = dir.resolve("export.jsonl");
        assertThat(run("evidence", "export", "--data-dir", data.toString(), "-o", export.toString()))
                .isZero();
        assertThat(Files.readAllLines(export)).hasSize(4);

        assertThat(run("evidence", "verify", "--export", export.toString())).isZero();
        assertThat(out.toString()).contains("2 records verified");

        Path tampered = Files.writeString(
                dir.resolve("tampered.jsonl"), Files.readString(export).replace("node.started", "node.stopped"));
        assertThat(run("evidence", "verify", "--export", tampered.toString())).isEqualTo(1);
    }

    @Test
    void aDirectoryThatIsNotANodeIsABadInput() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("evidence", "verify", "--data-dir", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot open the node's database");
        assertThat(empty.resolve("db")).doesNotExist();
    }
}
