package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import city.tds.server.testkit.HttpCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data plane end to end over HTTP between separate processes: a space node and the tax bureau's and bank's
 * connectors, each its own {@code tds server} JVM (see {@link DataSpaceProcesses}). The bank negotiates over DSP and
 * pulls through its management API; its copy is whole, encrypted and checked against the provider's checksum, read at
 * most as often as agreed, resumed from where it stopped when the provider's process is killed, and deleted (file,
 * and a {@code copy.deleted} record in the bank's evidence log) when the agreement's time runs out.
 */
class DataPlaneProcessesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PULL = "HttpData-PULL";
    private static final String PUSH = "HttpData-PUSH";
    private static final String CREDIT_RISK = "tds:purpose/credit-risk";
    private static final Duration WAIT = Duration.ofMinutes(2);

    /** The demo's dataset over {@code tax-firm-summary}: count ≤ 3, elapsedTime ≤ P30D. */
    private static final String DEMO_DATASET = "小微企业纳税概况数据集";

    private static final String HISTORY = "企业纳税申报历史明细（系统测试）";
    private static final String HISTORY_SOURCE = "tax-filing-history";
    private static final long HISTORY_BYTES = 256L << 20;

    private static final String SNAPSHOT = "小微企业纳税快照（十秒有效，系统测试）";
    private static final String SNAPSHOT_SOURCE = "tax-firm-snapshot";
    private static final Duration SNAPSHOT_LIFE = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private static DataSpaceProcesses processes;
    private static DataSpaceProcesses.Node taxNode;
    private static DataSpaceProcesses.Node bankNode;
    private static SpaceClient tax;
    private static SpaceClient bank;
    private static String taxToken;
    private static String bankToken;

    @BeforeAll
    static void start() throws Exception {
        // the bank's policy monitor looks every second, so that an expired copy goes soon after its time
        processes = DataSpaceProcesses.start(
                dir.resolve("tds"),
                Path.of("target", "system-test-logs", "DataPlaneProcessesIT"),
                Map.of("bank", List.of("--set", "dataplane.monitor-interval=1s")));
        taxNode = processes.node("tax-bureau");
        bankNode = processes.node("bank");
        SpaceClient space = new SpaceClient(processes.space().url());
        tax = new SpaceClient(taxNode.url());
        bank = new SpaceClient(bankNode.url());
        taxToken = space.login("tax-bureau-admin", DemoOnboarding.PASSWORD);
        bankToken = space.login("bank-admin", DemoOnboarding.PASSWORD);

        // listed before anyone reads the tax bureau's catalog, which its connector then keeps for ten seconds
        String reviewer = space.login("demo-listing-reviewer", DemoOnboarding.PASSWORD);
        String taxClient = taxNode.membership().clientId();
        ProductListing.publish(
                space,
                taxToken,
                reviewer,
                taxClient,
                HISTORY_SOURCE,
                HISTORY,
                ProductListing.creditRiskFileTransfer(more -> {}));
        ProductListing.publish(
                space,
                taxToken,
                reviewer,
                taxClient,
                SNAPSHOT_SOURCE,
                SNAPSHOT,
                ProductListing.creditRiskFileTransfer(ProductListing.within(SNAPSHOT_LIFE.toString())));
    }

    @AfterAll
    static void stop() {
        if (processes != null) {
            processes.close();
        }
    }

    /** The bank pulls from the tax bureau's connector, or the tax bureau's connector pushes to the bank's. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PULL, PUSH})
    void aTransferLeavesTheBankAWholeEncryptedCopyMatchingTheProvidersChecksum(String format) throws IOException {
        Path source = taxNode.dataDir().resolve("sources/tax/tax_firm_summary.csv");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        String agreement = agree(DEMO_DATASET);

        String transfer = transfer(agreement, format);
        JsonNode copy = awaitComplete(transfer, WAIT);

        assertThat(copy.path("records").asLong()).isEqualTo(lines.size() - 1).isEqualTo(3_000);
        long size = Files.size(source);
        assertThat(copy.path("bytes").asLong()).isEqualTo(size);
        assertThat(copy.path("digest").asText())
                .startsWith("sm3:")
                .isEqualTo(copy.path("providerDigest").asText());
        String providerPid = awaitTransfer(bank, bankToken, transfer, "COMPLETED")
                .path("providerPid")
                .asText();
        awaitTransfer(tax, taxToken, providerPid, "COMPLETED");
        List<JsonNode> delivered = new ArrayList<>();
        tax.get("/api/v1/dataplane/usage?agreementId=" + agreement, taxToken)
                .expect(200)
                .forEach(event -> {
                    if (event.path("kind").asText().equals("DELIVERED")) {
                        delivered.add(event);
                    }
                });
        assertThat(delivered)
                .as("what the tax bureau's connector metered as delivered")
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.path("records").asLong())
                            .isEqualTo(copy.path("records").asLong());
                    assertThat(d.path("bytes").asLong())
                            .isEqualTo(copy.path("bytes").asLong());
                });

        byte[] stored = Files.readAllBytes(copyFile(copy));
        String knownCreditCode = lines.get(1).substring(0, lines.get(1).indexOf(','));
        assertThat(knownCreditCode).hasSize(18);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .as("the bank's copy is stored encrypted")
                .startsWith("TDSCOPY1")
                .doesNotContain(knownCreditCode)
                .doesNotContain("credit_code");
    }

    @Test
    void theBanksCopyIsReadThreeTimesForCreditRiskAndNotAFourth() {
        JsonNode copy = awaitComplete(transfer(agree(DEMO_DATASET), PULL), WAIT);
        String id = copy.path("id").asText();

        HttpCall.Response marketing = read(id, "tds:purpose/marketing");
        assertThat(marketing.status()).as(marketing.body()).isEqualTo(403);
        assertThat(marketing.json().path("type").asText()).isEqualTo("urn:tds:problem:usage-denied");
        for (int use = 1; use <= 3; use++) {
            HttpCall.Response read = read(id, CREDIT_RISK);
            assertThat(read.status()).as("read %d: %s", use, read.body()).isEqualTo(200);
            assertThat(read.header("TDS-Use")).contains(Integer.toString(use));
            assertThat(read.body()).startsWith("credit_code,").hasLineCount(3_001);
        }
        HttpCall.Response fourth = read(id, CREDIT_RISK);
        assertThat(fourth.status()).as(fourth.body()).isEqualTo(403);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.json().path("type").asText()).isEqualTo("urn:tds:problem:usage-denied");
        assertThat(fourth.json().path("detail").asText()).contains("count");

        JsonNode after = bank.get("/api/v1/dataplane/copies/" + id, bankToken).expect(200);
        assertThat(after.path("uses").asLong())
                .as("neither refused read counted")
                .isEqualTo(3);
        assertThat(after.path("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void aPullResumesWhereItStoppedWhenTheKilledProviderComesBack() throws Exception {
        Path file = taxNode.dataDir().resolve("sources/history/tax_filing_history.csv");
        long records = writeHistory(taxNode.dataDir().resolve("sources/tax/tax_firm_summary.csv"), file);
        long size = Files.size(file);
        tax.post("/api/v1/dataplane/sources", taxToken, source(HISTORY_SOURCE, "history/tax_filing_history.csv"))
                .expect(201);

        String transfer = transfer(agree(HISTORY), PULL);
        String providerPid = awaitTransfer(bank, bankToken, transfer, "STARTED")
                .path("providerPid")
                .asText();
        JsonNode receiving = Await.until("the bank's copy is begun", WAIT, () -> copyOf(transfer), c -> !c.isNull());
        Path copyFile = copyFile(receiving);
        Await.until("part of the data arrived", WAIT, () -> fileSize(copyFile), bytes -> bytes >= 16L << 20);

        taxNode.kill();
        assertThat(fileSize(copyFile)).as("not all of the data arrived").isLessThan(size);
        assertThat(copyOf(transfer).path("state").asText()).isEqualTo("RECEIVING");
        String interrupted = bankNode.process()
                .awaitOutput(line -> line.contains("pull of transfer " + transfer + " interrupted"), WAIT);
        Matcher at = Pattern.compile("stopped at byte (\\d+)").matcher(interrupted);
        assertThat(at.find()).as(interrupted).isTrue();
        long stoppedAt = Long.parseLong(at.group(1));
        assertThat(stoppedAt).isPositive().isLessThan(size);

        taxNode.restart();
        JsonNode copy = awaitComplete(transfer, Duration.ofMinutes(3));

        assertThat(copy.path("bytes").asLong()).isEqualTo(size);
        assertThat(copy.path("records").asLong()).isEqualTo(records);
        assertThat(copy.path("digest").asText())
                .isEqualTo(copy.path("providerDigest").asText());
        String serving = "transfer " + providerPid + ": serving its data from byte ";
        List<TdsProcess> runs = taxNode.processes();
        assertThat(runs.get(runs.size() - 2).stdout())
                .as("the killed provider served the pull from its start")
                .anyMatch(line -> line.endsWith(serving + 0));
        assertThat(taxNode.process().stdout().stream().filter(line -> line.contains(serving)))
                .as("the restarted provider served the rest only, from where the bank's copy stopped")
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(serving + stoppedAt));
        awaitTransfer(tax, taxToken, providerPid, "COMPLETED");
    }

    @Test
    void aCopyWhoseTimeRanOutIsDeletedFileAndAllWithTheDeletionInTheBanksEvidence() throws Exception {
        tax.post("/api/v1/dataplane/sources", taxToken, source(SNAPSHOT_SOURCE, "tax/tax_firm_summary.csv"))
                .expect(201);
        String agreement = agree(SNAPSHOT);
        JsonNode copy = awaitComplete(transfer(agreement, PULL), WAIT);
        String id = copy.path("id").asText();
        Path file = copyFile(copy);
        assertThat(file).exists();

        HttpCall.Response first = read(id, CREDIT_RISK);
        assertThat(first.status())
                .as("a read within the agreement's first %s: %s", SNAPSHOT_LIFE, first.body())
                .isEqualTo(200);

        JsonNode deleted = Await.until(
                "the bank's policy monitor deleted the expired copy",
                WAIT,
                () -> bank.get("/api/v1/dataplane/copies/" + id, bankToken).expect(200),
                c -> c.path("state").asText().equals("DELETED"));
        assertThat(deleted.path("problem").asText()).contains("elapsedTime");
        Instant agreedAt = Instant.parse(bank.get("/api/v1/contracts/agreements/" + agreement, bankToken)
                .expect(200)
                .path("agreedAt")
                .asText());
        assertThat(Instant.parse(deleted.path("updatedAt").asText()))
                .as("deleted once its time ran out, not before")
                .isAfterOrEqualTo(agreedAt.plus(SNAPSHOT_LIFE));
        assertThat(file).as("the copy's file").doesNotExist();
        HttpCall.Response after = read(id, CREDIT_RISK);
        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(after.json().path("type").asText()).isEqualTo("urn:tds:problem:copy-not-readable");

        // a connector's evidence is read offline, from the stopped node's own log
        bankNode.stop();
        try {
            List<JsonNode> records = new ArrayList<>();
            try (TdsProcess export = TdsProcess.start(
                    DataSpaceProcesses.ENV,
                    "evidence",
                    "export",
                    "--data-dir",
                    bankNode.dataDir().toString())) {
                assertThat(export.awaitExit(WAIT))
                        .as("stderr %s", export.stderr())
                        .isZero();
                for (String line : export.stdout()) {
                    records.add(JSON.readTree(line));
                }
            }
            assertThat(records)
                    .filteredOn(r -> r.path("type").asText().equals("copy.deleted"))
                    .as("a copy.deleted record for copy %s", id)
                    .anyMatch(r -> subjects(r).contains("copy:" + id));
            try (TdsProcess verify = TdsProcess.start(
                    DataSpaceProcesses.ENV,
                    "evidence",
                    "verify",
                    "--data-dir",
                    bankNode.dataDir().toString())) {
                assertThat(verify.awaitExit(WAIT))
                        .as("stdout %s, stderr %s", verify.stdout(), verify.stderr())
                        .isZero();
                assertThat(verify.stdout()).anyMatch(line -> line.contains("verified: "));
            }
        } finally {
            bankNode.restart();
        }
    }

    // the bank's people, through its connector's management API

    /** The bank finds {@code title} in the tax bureau's DSP catalog and negotiates; the agreement once finalized. */
    private static String agree(String title) {
        ObjectNode ask = JSON.createObjectNode().put("providerUrl", taxNode.dspUrl());
        JsonNode catalog = Await.until(
                "the tax bureau's catalog offers " + title,
                WAIT,
                () -> bank.post("/api/v1/contracts/catalog-requests", bankToken, ask)
                        .expect(200),
                c -> dataset(c, title) != null);
        JsonNode dataset = dataset(catalog, title);
        ObjectNode request = JSON.createObjectNode()
                .put("providerId", catalog.path("participantId").asText())
                .put("providerUrl", taxNode.dspUrl())
                .put("datasetId", dataset.path("@id").asText());
        request.set("offer", dataset.path("hasPolicy").get(0));
        String negotiation = bank.post("/api/v1/contracts/negotiations", bankToken, request)
                .expect(201)
                .path("id")
                .asText();
        JsonNode ended = Await.until(
                "negotiation " + negotiation + " ends",
                WAIT,
                () -> bank.get("/api/v1/contracts/negotiations/" + negotiation, bankToken)
                        .expect(200),
                n -> n.path("state").asText().matches("FINALIZED|TERMINATED"));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("FINALIZED");
        return ended.path("agreementId").asText();
    }

    private static JsonNode dataset(JsonNode catalog, String title) {
        for (JsonNode d : catalog.path("dataset")) {
            if (d.path("dct:title").asText().equals(title)) {
                return d;
            }
        }
        return null;
    }

    private static String transfer(String agreement, String format) {
        return bank.post(
                        "/api/v1/contracts/transfers",
                        bankToken,
                        JSON.createObjectNode().put("agreementId", agreement).put("format", format))
                .expect(201)
                .path("id")
                .asText();
    }

    private static JsonNode awaitTransfer(SpaceClient side, String token, String id, String state) {
        return Await.until(
                "transfer " + id + " is " + state,
                WAIT,
                () -> side.get("/api/v1/contracts/transfers/" + id, token).expect(200),
                t -> t.path("state").asText().equals(state));
    }

    /** The bank's copy of {@code transfer} once whole (and fails the test if it failed). */
    private static JsonNode awaitComplete(String transfer, Duration timeout) {
        JsonNode copy = Await.until(
                "the bank's copy of " + transfer + " is complete",
                timeout,
                () -> copyOf(transfer),
                c -> c.path("state").asText().matches("COMPLETE|FAILED|DELETED"));
        assertThat(copy.path("state").asText()).as(copy.toString()).isEqualTo("COMPLETE");
        return copy;
    }

    private static JsonNode copyOf(String transfer) {
        for (JsonNode c : bank.get("/api/v1/dataplane/copies", bankToken).expect(200)) {
            if (c.path("transferId").asText().equals(transfer)) {
                return c;
            }
        }
        return JSON.nullNode();
    }

    /** A read of the bank's copy: the data, or a problem; header {@code TDS-Use} numbers a permitted read. */
    private static HttpCall.Response read(String copyId, String purpose) {
        return HttpCall.send(
                HttpRequest.newBuilder(URI.create(bankNode.url() + "/api/v1/dataplane/copies/" + copyId + "/reads"))
                        .header("Authorization", "Bearer " + bankToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.createObjectNode().put("purpose", purpose).toString())));
    }

    private static Path copyFile(JsonNode copy) {
        return bankNode.dataDir().resolve("copies").resolve(copy.path("id").asText() + ".copy");
    }

    private static long fileSize(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // not there yet
        }
    }

    private static List<String> subjects(JsonNode record) {
        List<String> subjects = new ArrayList<>();
        record.path("subjects").forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    private static ObjectNode source(String name, String location) {
        return JSON.createObjectNode().put("name", name).put("kind", "CSV_FILE").put("location", location);
    }

    /**
     * A large CSV in the tax bureau's sources: the demo's firms, header once, repeated until {@link #HISTORY_BYTES}.
     * Returns its records.
     */
    private static long writeHistory(Path demoFile, Path file) throws IOException {
        String demo = Files.readString(demoFile, StandardCharsets.UTF_8);
        String header = demo.substring(0, demo.indexOf('\n') + 1);
        byte[] firms = demo.substring(header.length()).getBytes(StandardCharsets.UTF_8);
        long perCopy = demo.substring(header.length()).lines().count();
        Files.createDirectories(file.getParent());
        long copies = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < HISTORY_BYTES; written += firms.length) {
                out.write(firms);
                copies++;
            }
        }
        return copies * perCopy;
    }
}
