package city.tds.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.identity.InitialAdministrator;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.TestNodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tds catalog over a running space node's API: reads, a signed-in change, refusals and the DCAT export. */
class CatalogCliTest {

    @TempDir
    static Path dir;

    private static TdsNode node;
    private static Path sysadminPassword;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void start() {
        node = TestNodes.start(dir.resolve("space"), "catalog-cli");
        sysadminPassword = node.config().node().dataDir().resolve("keys").resolve(InitialAdministrator.FILE);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--space";
        all[args.length + 1] = node.url().toString();
        return TdsMain.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void anAdministratorCreatesAZoneThatAnyoneThenSees() throws Exception {
        Integer participants = node.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM identity_participant")
                        .mapTo(Integer.class)
                        .one());
        assertThat(participants).isZero();
        Path zone = Files.writeString(
                dir.resolve("zone.json"),
                "{\"code\": \"finance\", \"name\": \"金融服务专区\", \"leadParticipantId\": \"nobody\","
                        + " \"visibility\": \"PUBLIC\"}");

        assertThat(run("catalog", "create-zone", zone.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("refused (401)");

        assertThat(run(
                        "catalog",
                        "create-zone",
                        zone.toString(),
                        "--user",
                        "sysadmin",
                        "--password-file",
                        sysadminPassword.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("refused (400)").contains("nobody");

        assertThat(run("catalog", "zones")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void searchAndExportWorkAnonymously() throws Exception {
        assertThat(run("catalog", "search", "企业", "纳税信用")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 个结果 / 0 hits (HYBRID)");

        Path file = dir.resolve("catalog.jsonld");
        assertThat(run("catalog", "dcat", "--out", file.toString()))
                .as(err.toString())
                .isZero();
        assertThat(Files.readString(file)).contains("\"dcat:Catalog\"");

        assertThat(run("catalog", "search", "企业", "--mode", "magic")).isEqualTo(1);
        assertThat(err.toString()).contains("refused (400)").contains("mode");
    }

    @Test
    void unreadableFilesAndMissingPasswordsAreUsageErrors() {
        assertThat(run("catalog", "create-zone", dir.resolve("missing.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read JSON");
        assertThat(run("catalog", "products", "--user", "sysadmin")).isEqualTo(2);
        assertThat(err.toString()).contains("TDS_PASSWORD");
    }
}
