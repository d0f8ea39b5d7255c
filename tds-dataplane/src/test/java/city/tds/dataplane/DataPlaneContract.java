package city.tds.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.core.testkit.MutableClock;
import city.tds.dataplane.api.ApiAnswer;
import city.tds.dataplane.api.ApiCall;
import city.tds.dataplane.api.ApiGrant;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.received.AgreementTerms;
import city.tds.dataplane.received.Copies;
import city.tds.dataplane.received.CopyState;
import city.tds.dataplane.received.DataFetcher;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceKind;
import city.tds.dataplane.source.SourceRequest;
import city.tds.dataplane.source.SourceStream;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.policy.Action;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.store.Database;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data plane on one database kind: a provider's sources and pulls, a consumer's copies under their agreement. */
abstract class DataPlaneContract {

    private static final String AGREEMENT = "urn:tds:agreement:1";
    private static final String TAX = "did:tds:tax-bureau";
    private static final String BANK = "did:tds:bank";
    private static final String CREDIT_RISK = "tds:purpose/credit-risk";

    protected abstract Database newDatabase();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    private final Map<String, AgreementTerms.Terms> agreements = new ConcurrentHashMap<>();
    private Database providerDb;
    private Database consumerDb;
    private TestNode tax;
    private TestNode bank;

    @BeforeEach
    void nodes() throws IOException {
        providerDb = newDatabase();
        consumerDb = newDatabase();
        tax = new TestNode(providerDb, dir.resolve("tax"), clock, TAX, id -> Optional.ofNullable(agreements.get(id)));
        bank = new TestNode(
                consumerDb, dir.resolve("bank"), clock, BANK, id -> Optional.ofNullable(agreements.get(id)));
        Files.createDirectories(tax.sources.root().resolve("tax"));
        agree(Policies.permission(Action.USE));
    }

    @AfterEach
    void close() {
        providerDb.close();
        consumerDb.close();
    }

    private void agree(city.tds.policy.Rule permission) {
        Policy policy = Policies.offer(AGREEMENT, TAX, "urn:tds:product:p1", permission);
        agreements.put(AGREEMENT, new AgreementTerms.Terms(AGREEMENT, TAX, policy, clock.instant(), null));
    }

    private String csv(int rows) {
        StringBuilder out = new StringBuilder("credit_code,name,tax_paid\n");
        for (int i = 0; i < rows; i++) {
            out.append("9133010")
                    .append(String.format("%011d", i))
                    .append(",\"企业 ")
                    .append(i)
                    .append(", 有限公司\",")
                    .append(i * 17 % 100000)
                    .append('\n');
        }
        return out.toString();
    }

    private Path file(String name, String content) throws IOException {
        Path file = tax.sources.root().resolve("tax").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private SourceRequest fileSource(String name, String location) {
        return new SourceRequest(name, "CSV_FILE", location, null, null, null);
    }

    @Test
    void aFileSourceMustBeAReadableFileBelowTheSourcesDirectory() throws IOException {
        file("firms.csv", csv(3));

        assertThat(tax.sources
                        .register(fileSource("tax-firms", "tax/firms.csv"), "tax-admin")
                        .isOk())
                .isTrue();
        assertThat(code(tax.sources.register(fileSource("tax-firms", "tax/firms.csv"), "tax-admin")))
                .isEqualTo("source-exists");
        assertThat(code(tax.sources.register(fileSource("outside", "../../etc/passwd"), "tax-admin")))
                .isEqualTo("source-outside-root");
        assertThat(code(tax.sources.register(fileSource("missing", "tax/none.csv"), "tax-admin")))
                .isEqualTo("source-file-missing");
        assertThat(code(tax.sources.register(fileSource("Bad Name", "tax/firms.csv"), "tax-admin")))
                .isEqualTo("source-name-invalid");
        assertThat(code(tax.sources.register(new SourceRequest("x", "FTP", "a", null, null, null), "tax-admin")))
                .isEqualTo("source-kind-unknown");
        assertThat(tax.sources.list()).extracting(SourceDefinition::name).containsExactly("tax-firms");
        assertThat(tax.sources.find("tax-firms").orElseThrow().location()).isEqualTo("tax/firms.csv");
    }

    @Test
    void aTableSourceIsCheckedWhenRegisteredAndItsPasswordIsSealed() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tax-db").resolve("ledger").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "ledger", "s3cret-ledger");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE firms (credit_code VARCHAR(18), name VARCHAR(100), paid INT)");
            s.execute("INSERT INTO firms VALUES ('91330100000000002X', '乙, 公司', 20), ('91330100000000001X', '甲', 10)");
        }

        assertThat(code(tax.sources.register(
                        new SourceRequest("ledger", "JDBC_TABLE", url, "firms", "ledger", "wrong"), "tax-admin")))
                .isEqualTo("source-unreachable");
        assertThat(code(tax.sources.register(
                        new SourceRequest(
                                "ledger",
                                "JDBC_TABLE",
                                url + ";INIT=RUNSCRIPT FROM 'x.sql'",
                                "firms",
                                "ledger",
                                "s3cret-ledger"),
                        "tax-admin")))
                .isEqualTo("source-jdbc-unsafe");
        assertThat(code(tax.sources.register(
                        new SourceRequest("ledger", "JDBC_TABLE", url, "firms; DROP TABLE x", "ledger", "s"),
                        "tax-admin")))
                .isEqualTo("source-table-invalid");
        assertThat(tax.sources
                        .register(
                                new SourceRequest("ledger", "JDBC_TABLE", url, "firms", "ledger", "s3cret-ledger"),
                                "tax-admin")
                        .isOk())
                .isTrue();

        byte[] stored = providerDb
                .unitOfWork()
                .withHandle(h -> h.createQuery("SELECT sealed_secret FROM dp_source WHERE name = 'ledger'")
                        .mapTo(byte[].class)
                        .one());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        try (SourceStream data = tax.sources.open("ledger", 0).orElseThrow()) {
            assertThat(new String(data.data().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("CREDIT_CODE,NAME,PAID\n91330100000000001X,甲,10\n91330100000000002X,\"乙, 公司\",20\n");
        }
        try (SourceStream data = tax.sources.open("ledger", 22).orElseThrow()) {
            assertThat(new String(data.data().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("91330100000000001X");
            data.data().close(); // a reader of the stream may close it before its owner does
        }
        try (SourceStream sample = tax.sources.sample("ledger", 1).orElseThrow()) {
            String rows = new String(sample.data().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rows.lines())
                    .as("the header and one row: the database stops at the limit")
                    .hasSize(2);
            assertThat(rows).startsWith("CREDIT_CODE,NAME,PAID\n");
        }
        assertThat(tax.sources.sample("no-such-source", 1).problem().code()).isEqualTo("source-unknown");
    }

    @Test
    void anHttpApiSourceIsCheckedWhenRegisteredAndItsCredentialIsSealed() throws Exception {
        try (InternalApi api = InternalApi.start()) {
            String base = api.base();
            assertThat(code(tax.sources.register(api("firm-api", "ftp://127.0.0.1/x", "X-Api-Key", "k"), "tax-admin")))
                    .isEqualTo("source-url-unsupported");
            assertThat(code(tax.sources.register(
                            api("firm-api", base.replace("http://", "http://u:p@"), "X-Api-Key", "k"), "tax-admin")))
                    .isEqualTo("source-url-invalid");
            assertThat(code(tax.sources.register(api("firm-api", base + "#top", "X-Api-Key", "k"), "tax-admin")))
                    .isEqualTo("source-url-invalid");
            assertThat(code(tax.sources.register(api("firm-api", base, "X-Api-Key", null), "tax-admin")))
                    .isEqualTo("source-credential-invalid");
            assertThat(code(tax.sources.register(api("firm-api", base, "Bad Header:", "k"), "tax-admin")))
                    .isEqualTo("source-credential-invalid");
            assertThat(api.seen).isEmpty();
            api.status = 503;
            assertThat(code(tax.sources.register(api("firm-api", base, "X-Api-Key", "key-s3cret"), "tax-admin")))
                    .isEqualTo("source-unreachable");
            api.status = 404; // any answer below 500 shows the API is there
            SourceDefinition d = tax.sources
                    .register(api("firm-api", base, "X-Api-Key", "key-s3cret"), "tax-admin")
                    .orElseThrow();

            assertThat(api.seen).hasSize(2).last().satisfies(seen -> {
                assertThat(seen.method()).isEqualTo("GET");
                assertThat(seen.uri()).isEqualTo("/internal/v1");
                assertThat(seen.headers()).containsEntry("x-api-key", "key-s3cret");
            });
            assertThat(d.kind()).isEqualTo(SourceKind.HTTP_API);
            assertThat(d.location()).isEqualTo(base);
            assertThat(d.user()).isEqualTo("X-Api-Key");
            assertThat(d.hasSecret()).isTrue();
            assertThat(d.toString()).doesNotContain("s3cret");
            byte[] stored = providerDb
                    .unitOfWork()
                    .withHandle(h -> h.createQuery("SELECT sealed_secret FROM dp_source WHERE name = 'firm-api'")
                            .mapTo(byte[].class)
                            .one());
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
            assertThat(tax.sources.api("firm-api").orElseThrow().secret()).isEqualTo("key-s3cret");
            assertThat(tax.sources.api("firm-api").orElseThrow().toString()).doesNotContain("s3cret");
            assertThat(code(tax.sources.open("firm-api", 0))).isEqualTo("source-not-streamable");
            assertThat(tax.sources
                            .register(api("open-api", base + "/", null, null), "tax-admin")
                            .orElseThrow()
                            .hasSecret())
                    .isFalse();
        }
        InternalApi gone = InternalApi.start();
        String base = gone.base();
        gone.close();
        assertThat(code(tax.sources.register(api("down-api", base, null, null), "tax-admin")))
                .isEqualTo("source-unreachable");
        assertThat(tax.sources.list()).extracting(SourceDefinition::name).containsExactly("firm-api", "open-api");
    }

    private static SourceRequest api(String name, String base, String header, String secret) {
        return new SourceRequest(name, "HTTP_API", base, null, header, secret);
    }

    @Test
    void apiCallsAreDecidedOneByOneAndForwardedWithTheProvidersCredentialOnly() throws Exception {
        agree(Policies.permission(
                Action.USE,
                Policies.purposeIs(CREDIT_RISK),
                Policies.usesAtMost(2),
                Policies.deliveredVia(DeliveryMode.API),
                Policies.recipientIndustryIs("金融")));
        try (InternalApi api = InternalApi.start()) {
            String token = apiTransfer(api, "金融");

            ApiAnswer first = tax.apis
                    .call(token, "t1", get("firms/91330100000000001X/score", "year=2025&q=a%20b", CREDIT_RISK))
                    .orElseThrow();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).isEqualTo("application/json");
            assertThat(first.body()).isEqualTo(api.answer);
            assertThat(first.call()).isEqualTo(1);
            InternalApi.Seen seen = api.seen.get(api.seen.size() - 1);
            assertThat(seen.method()).isEqualTo("GET");
            assertThat(seen.uri()).isEqualTo("/internal/v1/firms/91330100000000001X/score?year=2025&q=a%20b");
            assertThat(seen.headers()).containsEntry("authorization", "Bearer provider-s3cret");
            assertThat(seen.headers().values()).noneMatch(v -> v.contains(token));
            int asked = api.seen.size();

            Result<ApiAnswer> marketing = tax.apis.call(token, "t1", get("firms", null, "tds:purpose/marketing"));
            assertThat(code(marketing)).isEqualTo("usage-denied");
            assertThat(marketing.problem().detail()).contains("purpose");
            assertThat(code(tax.apis.call(token, "t1", get("../admin", null, CREDIT_RISK))))
                    .isEqualTo("api-path-invalid");
            assertThat(code(tax.apis.call(token, "t1", get("a/%2e%2e/admin", null, CREDIT_RISK))))
                    .isEqualTo("api-path-invalid");
            assertThat(code(tax.apis.call(token, "t1", get("a/..;x/admin", null, CREDIT_RISK))))
                    .isEqualTo("api-path-invalid");
            assertThat(code(tax.apis.call(token, "t1", get("a%2Fb", null, CREDIT_RISK))))
                    .isEqualTo("api-path-invalid");
            assertThat(code(tax.apis.call(token, "t1", get("firms", null, null))))
                    .isEqualTo("purpose-missing");
            assertThat(code(tax.apis.call("tds-edr-forged", "t1", get("firms", null, CREDIT_RISK))))
                    .isEqualTo("edr-unknown");
            tax.closed.put("t1", "the transfer is SUSPENDED");
            assertThat(code(tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK))))
                    .isEqualTo("transfer-not-started");
            tax.closed.remove("t1");
            assertThat(api.seen).hasSize(asked);

            byte[] query = "{\"creditCodes\":[\"91330100000000001X\"]}".getBytes(StandardCharsets.UTF_8);
            ApiAnswer second = tax.apis
                    .call(
                            token,
                            "t1",
                            new ApiCall("POST", "scores", null, CREDIT_RISK, "application/json", null, query))
                    .orElseThrow();
            assertThat(second.call()).isEqualTo(2);
            assertThat(api.seen.get(api.seen.size() - 1)).satisfies(s -> {
                assertThat(s.method()).isEqualTo("POST");
                assertThat(s.body()).isEqualTo(query);
                assertThat(s.headers()).containsEntry("content-type", "application/json");
            });

            Result<ApiAnswer> third = tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK));
            assertThat(code(third)).isEqualTo("usage-denied");
            assertThat(third.problem().detail()).contains("count");
        }
        assertThat(tax.usage.of(AGREEMENT, 10)).hasSize(2).allSatisfy(u -> {
            assertThat(u.kind()).isEqualTo(UsageKind.CALL);
            assertThat(u.calls()).isEqualTo(1);
            assertThat(u.bytes()).isPositive();
            assertThat(u.purpose()).isEqualTo(CREDIT_RISK);
            assertThat(u.counterparty()).isEqualTo(BANK);
        });
        assertThat(tax.evidence.types()).containsExactly("api.called", "api.called");
        assertThat(tax.evidence.last("api.called"))
                .contains("\"method\":\"POST\"", "\"path\":\"/scores\"", "\"status\":200", "\"call\":2")
                .contains(CREDIT_RISK, "permitted")
                .doesNotContain("creditCodes");
    }

    @Test
    void aCallIsDecidedWithTheConsumersCredentialAsTheTransferWasAdmitted() throws Exception {
        agree(Policies.permission(Action.USE, Policies.recipientIndustryIs("金融")));
        try (InternalApi api = InternalApi.start()) {
            String token = apiTransfer(api, "制造业");
            Result<ApiAnswer> refused = tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK));
            assertThat(code(refused)).isEqualTo("usage-denied");
            assertThat(refused.problem().detail()).contains("recipientIndustry");
            assertThat(api.seen).hasSize(1); // the registration's probe only
        }
    }

    @Test
    void anApiThatFailsHangsOrAnswersTooMuchIs502AndTheCallIsNotCounted() throws Exception {
        agree(Policies.permission(Action.USE, Policies.usesAtMost(1)));
        String token;
        try (InternalApi api = InternalApi.start()) {
            token = apiTransfer(api, "金融");
            api.status = 500;
            Result<ApiAnswer> failed = tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK));
            assertThat(code(failed)).isEqualTo("source-unavailable");
            assertThat(failed.problem().kind().httpStatus()).isEqualTo(502);
            api.status = 200;
            byte[] small = api.answer;
            api.answer = new byte[64 * 1024 + 1];
            assertThat(code(tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK))))
                    .isEqualTo("source-answer-too-large");
            api.answer = small;
            api.hold = new java.util.concurrent.CountDownLatch(1);
            Result<ApiAnswer> silent = tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK));
            assertThat(code(silent)).isEqualTo("source-unavailable");
            assertThat(silent.problem().detail()).contains("did not answer within");
            api.hold.countDown();
            api.hold = null;
            assertThat(tax.usage.of(AGREEMENT, 10)).isEmpty();

            assertThat(tax.apis
                            .call(token, "t1", get("firms", null, CREDIT_RISK))
                            .orElseThrow()
                            .call())
                    .isEqualTo(1);
        }
        agree(Policies.permission(Action.USE));
        Result<ApiAnswer> down = tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK));
        assertThat(code(down)).isEqualTo("source-unavailable");
        assertThat(down.problem().detail()).contains("does not answer");
        assertThat(tax.usage.of(AGREEMENT, 10)).hasSize(1);
        assertThat(tax.evidence.types()).containsExactly("api.called");
    }

    @Test
    void twoCallsRacingForTheLastOfTheCountAreServedOnceAndCountedOnce() throws Exception {
        agree(Policies.permission(Action.USE, Policies.usesAtMost(1)));
        try (InternalApi api = InternalApi.start()) {
            String token = apiTransfer(api, "金融");
            api.hold = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = callers.submit(() -> tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK)));
                var second = callers.submit(() -> tax.apis.call(token, "t1", get("firms", null, CREDIT_RISK)));
                // both were decided with no call counted, and are at the internal API before either is counted
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
                while (api.seen.size() < 3 && java.time.Instant.now().isBefore(deadline)) {
                    Thread.onSpinWait();
                }
                assertThat(api.seen).hasSize(3); // the registration's probe and both calls
                api.hold.countDown();

                java.util.List<Result<ApiAnswer>> results = java.util.List.of(
                        first.get(10, java.util.concurrent.TimeUnit.SECONDS),
                        second.get(10, java.util.concurrent.TimeUnit.SECONDS));
                assertThat(results)
                        .filteredOn(Result::isOk)
                        .singleElement()
                        .satisfies(r -> assertThat(r.value().call()).isEqualTo(1));
                assertThat(results)
                        .filteredOn(r -> !r.isOk())
                        .singleElement()
                        .satisfies(r -> assertThat(r.problem().code()).isEqualTo("usage-denied"));
            } finally {
                callers.shutdownNow();
            }
        }
        assertThat(tax.usage.of(AGREEMENT, 10)).hasSize(1);
        assertThat(tax.evidence.types()).containsExactly("api.called");
    }

    /** Registers {@code api} as source firm-api and starts API transfer t1 for a bank of {@code industry}. */
    private String apiTransfer(InternalApi api, String industry) {
        tax.sources
                .register(api("firm-api", api.base(), "Authorization", "Bearer provider-s3cret"), "tax-admin")
                .orElseThrow();
        tax.apis.granted(new ApiGrant("t1", AGREEMENT, BANK, industry, "ENTERPRISE", Set.of(), clock.instant()));
        return tax.tokens
                .issue("t1", AGREEMENT, BANK, "firm-api", Duration.ofHours(24))
                .token();
    }

    private static ApiCall get(String path, String query, String purpose) {
        return new ApiCall("GET", path, query, purpose, null, "application/json", null);
    }

    @Test
    void aTokenOpensOneTransferUntilItExpiresOrIsRevoked() throws IOException {
        file("firms.csv", csv(3));
        tax.sources
                .register(fileSource("tax-firms", "tax/firms.csv"), "tax-admin")
                .orElseThrow();
        AccessTokens.Issued issued = tax.tokens.issue("t1", AGREEMENT, BANK, "tax-firms", Duration.ofMinutes(10));

        assertThat(tax.tokens.check(issued.token(), "t1").isOk()).isTrue();
        assertThat(code(tax.tokens.check(issued.token(), "t2"))).isEqualTo("edr-wrong-transfer");
        assertThat(code(tax.tokens.check("tds-edr-forged", "t1"))).isEqualTo("edr-unknown");
        assertThat(code(tax.tokens.check(null, "t1"))).isEqualTo("edr-missing");
        assertThat(tax.deliveries
                        .serve(issued.token(), "t2", 0)
                        .problem()
                        .kind()
                        .httpStatus())
                .isEqualTo(403);

        clock.advance(Duration.ofMinutes(10));
        assertThat(code(tax.tokens.check(issued.token(), "t1"))).isEqualTo("edr-expired");

        AccessTokens.Issued second = tax.tokens.issue("t1", AGREEMENT, BANK, "tax-firms", Duration.ofMinutes(10));
        assertThat(tax.tokens.revoke("t1", "the transfer completed")).isEqualTo(2);
        Result<?> revoked = tax.tokens.check(second.token(), "t1");
        assertThat(code(revoked)).isEqualTo("edr-revoked");
        assertThat(revoked.problem().kind().httpStatus()).isEqualTo(401);
    }

    @Test
    void aPullArrivesWholeAfterAnInterruptionAndBothSidesRecordTheSameChecksum() throws IOException {
        String content = csv(60_000); // about 3 MB: several chunks
        String token = offered(content);
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");

        Result<ReceivedCopy> first = bank.copies.receive(copy.id(), new Pull(tax.deliveries, token, 1_234_567));
        assertThat(code(first)).isEqualTo("transfer-interrupted");
        assertThat(bank.copies.find(copy.id()).orElseThrow().state()).isEqualTo(CopyState.RECEIVING);
        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("copy-not-readable");

        ReceivedCopy received = bank.copies
                .receive(copy.id(), new Pull(tax.deliveries, token, -1))
                .orElseThrow();

        assertThat(received.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(received.records()).isEqualTo(60_000);
        assertThat(received.bytes()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(received.digest())
                .isEqualTo("sm3:"
                        + java.util.HexFormat.of().formatHex(tax.suite.hash(content.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(received.providerDigest())
                .isEqualTo(tax.delivered.find("t1").orElseThrow().checksum().labelled());
        assertThat(tax.evidence.types()).containsExactly("transfer.delivered");
        assertThat(bank.evidence.types()).containsExactly("copy.received");
        assertThat(tax.usage.of(AGREEMENT, 10)).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UsageKind.DELIVERED);
            assertThat(u.records()).isEqualTo(60_000);
        });
        try (InputStream in =
                bank.copies.read(copy.id(), null, "analyst").orElseThrow().data()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
        }
    }

    @Test
    void aProviderRestartedMidPullRebuildsTheChecksumOfWhatItSentBefore() throws IOException {
        String content = csv(30_000);
        String token = offered(content);
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        assertThat(code(bank.copies.receive(copy.id(), new Pull(tax.deliveries, token, 700_001))))
                .isEqualTo("transfer-interrupted");

        TestNode restarted =
                new TestNode(providerDb, dir.resolve("tax"), clock, TAX, id -> Optional.ofNullable(agreements.get(id)));
        ReceivedCopy received = bank.copies
                .receive(copy.id(), new Pull(restarted.deliveries, token, -1))
                .orElseThrow();

        assertThat(received.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(received.providerDigest()).isEqualTo(received.digest());
        assertThat(received.records()).isEqualTo(30_000);
    }

    @Test
    void readsAreCountedAndRefusedBeyondThePurposeAndCountAgreed() throws IOException {
        agree(Policies.permission(Action.USE, Policies.purposeIs("tds:purpose/credit-risk"), Policies.usesAtMost(2)));
        ReceivedCopy copy = received(csv(10));

        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("usage-denied");
        assertThat(code(bank.copies.read(copy.id(), "tds:purpose/marketing", "analyst")))
                .isEqualTo("usage-denied");
        for (int use = 1; use <= 2; use++) {
            Copies.Read read = bank.copies
                    .read(copy.id(), "tds:purpose/credit-risk", "analyst")
                    .orElseThrow();
            assertThat(read.use()).isEqualTo(use);
            read.data().close();
        }
        Result<Copies.Read> third = bank.copies.read(copy.id(), "tds:purpose/credit-risk", "analyst");

        assertThat(code(third)).isEqualTo("usage-denied");
        assertThat(third.problem().kind().httpStatus()).isEqualTo(403);
        assertThat(bank.copies.find(copy.id()).orElseThrow().uses()).isEqualTo(2);
        assertThat(bank.evidence.types()).containsExactly("copy.received", "copy.used", "copy.used");
        assertThat(bank.usage.of(AGREEMENT, 10))
                .filteredOn(u -> u.kind() == UsageKind.READ)
                .hasSize(2)
                .allSatisfy(u -> assertThat(u.purpose()).isEqualTo("tds:purpose/credit-risk"));
        assertThat(bank.reported)
                .as("the counted reads, and only they, are reported to the provider")
                .hasSize(2)
                .allSatisfy(u -> assertThat(u.kind()).isEqualTo(UsageKind.READ));

        UsageEvent first = bank.reported.get(0);
        UsageEvent asReceived = new UsageEvent(
                first.agreementId(),
                first.transferId(),
                UsageKind.REPORTED,
                BANK,
                1,
                first.records(),
                first.bytes(),
                first.purpose(),
                first.at());
        assertThat(tax.usage.recordReported("r-1", asReceived)).isTrue();
        assertThat(tax.usage.recordReported("r-1", asReceived))
                .as("a retried report")
                .isFalse();
        assertThat(tax.usage.of(AGREEMENT, 10))
                .filteredOn(u -> u.kind() == UsageKind.REPORTED)
                .singleElement()
                .satisfies(u -> assertThat(u.records()).isEqualTo(10));
    }

    @Test
    void aCopyIsDeletedFileAndKeyWhenItsTimeRunsOutOrItsAgreementEnds() throws IOException {
        agree(Policies.permission(Action.USE, Policies.usableFor(Duration.ofDays(1))));
        ReceivedCopy copy = received(csv(10));
        Path file = dir.resolve("bank").resolve("copies").resolve(copy.id() + ".copy");
        assertThat(file).exists();

        assertThat(bank.copies.enforce(100)).isEmpty();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(bank.copies.enforce(100)).extracting(ReceivedCopy::id).containsExactly(copy.id());

        ReceivedCopy deleted = bank.copies.find(copy.id()).orElseThrow();
        assertThat(deleted.state()).isEqualTo(CopyState.DELETED);
        assertThat(deleted.sealedKey()).isNull();
        assertThat(deleted.problem()).contains("permits no use");
        assertThat(file).doesNotExist();
        assertThat(bank.evidence.last("copy.deleted"))
                .contains("\"fileRemoved\":\"true\"", "\"keyDestroyed\":\"true\"");
        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("copy-not-readable");
        assertThat(bank.copies.enforce(100)).isEmpty();
    }

    @Test
    void aTerminatedAgreementEndsReadsAndDeletesTheCopy() throws IOException {
        ReceivedCopy copy = received(csv(10));
        AgreementTerms.Terms t = agreements.get(AGREEMENT);
        agreements.put(
                AGREEMENT,
                new AgreementTerms.Terms(
                        t.agreementId(),
                        t.providerId(),
                        t.policy(),
                        t.agreedAt(),
                        "terminated by the provider: licence withdrawn"));

        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("agreement-ended");
        assertThat(bank.copies.enforce(100)).hasSize(1);
        assertThat(bank.copies.find(copy.id()).orElseThrow().problem()).contains("licence withdrawn");
    }

    @Test
    void aChecksumThatDiffersFromTheProvidersLeavesNoCopyToRead() throws IOException {
        String token = offered(csv(10));
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        DataFetcher lying = new Pull(tax.deliveries, token, -1) {
            @Override
            public String providerChecksum() {
                return "sm3:" + "0".repeat(64);
            }
        };

        ReceivedCopy failed = bank.copies.receive(copy.id(), lying).orElseThrow();

        assertThat(failed.state()).isEqualTo(CopyState.FAILED);
        assertThat(failed.problem()).contains("is not the provider's");
        assertThat(dir.resolve("bank").resolve("copies").resolve(copy.id() + ".copy"))
                .doesNotExist();
        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("copy-not-readable");
        assertThat(bank.evidence.types()).containsExactly("copy.failed");
    }

    @Test
    void aPushIsTakenFromWhereTheCopyContinuesAndConcludedByTheProvidersChecksum() throws IOException {
        String content = csv(40_000); // about 2 MB
        String token = offered(content);
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        assertThat(bank.copies.resumeOffset(copy.id()).orElseThrow()).isZero();

        Result<ReceivedCopy> cut = bank.copies.accept(copy.id(), 0, new Pull(tax.deliveries, token, 1_500_000).open(0));
        assertThat(code(cut)).isEqualTo("transfer-interrupted");
        long from = bank.copies.resumeOffset(copy.id()).orElseThrow();
        assertThat(from).isEqualTo(1_500_000); // what arrived was kept, as a chunk of its own

        Result<ReceivedCopy> wrong =
                bank.copies.accept(copy.id(), 0, new java.io.ByteArrayInputStream(content.getBytes()));
        assertThat(code(wrong)).isEqualTo("push-offset");
        assertThat(wrong.problem().detail()).contains("continues from byte " + from);
        assertThat(code(bank.copies.conclude(copy.id(), "sm3:" + "0".repeat(64))))
                .isEqualTo("copy-incomplete");

        Pull rest = new Pull(tax.deliveries, token, -1);
        ReceivedCopy written =
                bank.copies.accept(copy.id(), from, rest.open(from)).orElseThrow();
        assertThat(written.state()).isEqualTo(CopyState.RECEIVING);
        assertThat(written.digest()).isNotNull();
        assertThat(bank.copies.resumeOffset(copy.id()).orElseThrow())
                .isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("copy-not-readable");

        ReceivedCopy complete =
                bank.copies.conclude(copy.id(), rest.providerChecksum()).orElseThrow();
        assertThat(complete.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(complete.records()).isEqualTo(40_000);
        ReceivedCopy again =
                bank.copies.conclude(copy.id(), "sm3:" + "0".repeat(64)).orElseThrow();
        assertThat(again.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(again.version()).isEqualTo(complete.version());
        assertThat(code(bank.copies.resumeOffset(copy.id()))).isEqualTo("copy-not-receiving");
        try (InputStream in =
                bank.copies.read(copy.id(), null, "analyst").orElseThrow().data()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
        }
        assertThat(bank.evidence.types()).containsExactly("copy.received", "copy.used");
    }

    @Test
    void aCopyTakesOneWriterAtATime() throws Exception {
        String token = offered(csv(10));
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InputStream held = new InputStream() {
            @Override
            public int read() throws IOException {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                throw new IOException("the provider went away");
            }
        };
        java.util.concurrent.CompletableFuture<Result<ReceivedCopy>> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> bank.copies.accept(copy.id(), 0, held));
        assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(code(bank.copies.accept(copy.id(), 0, new Pull(tax.deliveries, token, -1).open(0))))
                .isEqualTo("copy-busy");
        release.countDown();
        assertThat(code(first.get(30, java.util.concurrent.TimeUnit.SECONDS))).isEqualTo("transfer-interrupted");
        ReceivedCopy done = bank.copies
                .receive(copy.id(), new Pull(tax.deliveries, token, -1))
                .orElseThrow();
        assertThat(done.state()).isEqualTo(CopyState.COMPLETE);
    }

    @Test
    void aPullWhoseChecksumRequestFailedConcludesLaterWithoutWritingAgain() throws IOException {
        String token = offered(csv(1_000));
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        DataFetcher noChecksum = new Pull(tax.deliveries, token, -1) {
            @Override
            public String providerChecksum() throws IOException {
                throw new IOException("connection refused");
            }
        };
        assertThat(code(bank.copies.receive(copy.id(), noChecksum))).isEqualTo("transfer-interrupted");

        DataFetcher checksumOnly = new Pull(tax.deliveries, token, -1) {
            @Override
            public InputStream open(long offset) {
                throw new AssertionError("the data was all there; nothing is fetched again");
            }
        };
        assertThat(bank.copies.receive(copy.id(), checksumOnly).orElseThrow().state())
                .isEqualTo(CopyState.COMPLETE);
    }

    @Test
    void aSuspendedTransfersDataStopsMidStreamAndFlowsAgainWhenItResumes() throws IOException {
        String content = csv(200_000); // about 11 MB: more than one look at the gate
        String token = offered(content);
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        DataFetcher suspending = new Pull(tax.deliveries, token, -1) {
            @Override
            public InputStream open(long offset) throws IOException {
                InputStream data = super.open(offset);
                return new FilterInputStream(data) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        tax.closed.put("t1", "the transfer is SUSPENDED");
                        return super.read(b, off, len);
                    }
                };
            }
        };

        Result<ReceivedCopy> stopped = bank.copies.receive(copy.id(), suspending);
        assertThat(code(stopped)).isEqualTo("transfer-interrupted");
        assertThat(stopped.problem().detail()).contains("SUSPENDED");
        long kept = bank.copies.resumeOffset(copy.id()).orElseThrow();
        assertThat(kept).isGreaterThan(0).isLessThan(content.length());
        Result<Deliveries.Serving> refused = tax.deliveries.serve(token, "t1", kept);
        assertThat(code(refused)).isEqualTo("transfer-not-started");
        assertThat(refused.problem().kind().httpStatus()).isEqualTo(409);

        tax.closed.remove("t1");
        ReceivedCopy resumed = bank.copies
                .receive(copy.id(), new Pull(tax.deliveries, token, -1))
                .orElseThrow();
        assertThat(resumed.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(resumed.records()).isEqualTo(200_000);
    }

    @Test
    void aParquetFileIsDeliveredAsCsvAndResumesLikeATable() throws Exception {
        Path parquet = tax.sources.root().resolve("tax").resolve("firms.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id, 'firm ' || range || CASE WHEN range % 7 = 0 THEN ', \"ltd\"' ELSE ''"
                    + " END AS name, range * 3 AS vat FROM range(5000)) TO '" + parquet + "' (FORMAT parquet)");
        }
        StringBuilder expected = new StringBuilder("id,name,vat\n");
        for (int i = 0; i < 5000; i++) {
            String name = "firm " + i + (i % 7 == 0 ? ", \"ltd\"" : "");
            expected.append(i)
                    .append(',')
                    .append(i % 7 == 0 ? '"' + name.replace("\"", "\"\"") + '"' : name)
                    .append(',')
                    .append(i * 3)
                    .append('\n');
        }
        tax.sources
                .register(
                        new SourceRequest("firms-parquet", "PARQUET_FILE", "tax/firms.parquet", null, null, null), "a")
                .orElseThrow();
        String token = tax.tokens
                .issue("t1", AGREEMENT, BANK, "firms-parquet", Duration.ofMinutes(10))
                .token();
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        assertThat(code(bank.copies.receive(copy.id(), new Pull(tax.deliveries, token, 40_000))))
                .isEqualTo("transfer-interrupted");

        ReceivedCopy received = bank.copies
                .receive(copy.id(), new Pull(tax.deliveries, token, -1))
                .orElseThrow();

        assertThat(received.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(received.records()).isEqualTo(5000);
        try (InputStream in =
                bank.copies.read(copy.id(), null, "analyst").orElseThrow().data()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }

        file("not.parquet", "credit_code,name\n1,a\n");
        assertThat(code(tax.sources.register(
                        new SourceRequest("bad", "PARQUET_FILE", "tax/not.parquet", null, null, null), "a")))
                .isEqualTo("source-parquet-invalid");
        assertThat(tax.sources.find("bad")).isEmpty();
    }

    @Test
    void aConsumerThatCannotStoreTheDataFailsTheCopyAndCountsNothing() throws IOException {
        String token = offered(csv(100));
        Path copies = dir.resolve("bank").resolve("copies");
        Files.createDirectories(copies.getParent());
        Files.writeString(copies, "a file where the copies directory should be"); // as a full or broken disk would
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");

        Result<ReceivedCopy> stored = bank.copies.receive(copy.id(), new Pull(tax.deliveries, token, -1));

        assertThat(code(stored)).isEqualTo("copy-failed");
        assertThat(stored.problem().kind().httpStatus()).isEqualTo(503);
        ReceivedCopy failed = bank.copies.find(copy.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(CopyState.FAILED);
        assertThat(failed.problem()).contains("cannot create the copies directory");
        assertThat(code(bank.copies.read(copy.id(), null, "analyst"))).isEqualTo("copy-not-readable");
        assertThat(bank.usage.of(AGREEMENT, 10)).isEmpty();
        assertThat(bank.evidence.types()).containsExactly("copy.failed");
    }

    private ReceivedCopy received(String content) throws IOException {
        String token = offered(content);
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        return bank.copies
                .receive(copy.id(), new Pull(tax.deliveries, token, -1))
                .orElseThrow();
    }

    /** The tax bureau holds {@code content} as source {@code tax-firms}; a token for transfer t1 of it. */
    private String offered(String content) throws IOException {
        file("firms.csv", content);
        tax.sources
                .register(fileSource("tax-firms", "tax/firms.csv"), "tax-admin")
                .orElseThrow();
        return tax.tokens
                .issue("t1", AGREEMENT, BANK, "tax-firms", Duration.ofMinutes(10))
                .token();
    }

    private static String code(Result<?> result) {
        assertThat(result.isOk()).as("expected a refusal").isFalse();
        return result.problem().code();
    }

    /** A pull straight from the provider's deliveries; {@code breakAfter} bytes (or -1 for never) then a failure. */
    static class Pull implements DataFetcher {
        private final Deliveries deliveries;
        private final String token;
        private final long breakAfter;

        Pull(Deliveries deliveries, String token, long breakAfter) {
            this.deliveries = deliveries;
            this.token = token;
            this.breakAfter = breakAfter;
        }

        @Override
        public InputStream open(long offset) throws IOException {
            Result<Deliveries.Serving> serving = deliveries.serve(token, "t1", offset);
            if (!serving.isOk()) {
                throw new IOException(serving.problem().detail());
            }
            InputStream data = serving.value().data();
            if (breakAfter < 0) {
                return data;
            }
            return new FilterInputStream(data) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= breakAfter) {
                        throw new IOException("connection reset by the provider");
                    }
                    int n = super.read(b, off, (int) Math.min(len, breakAfter - read));
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }

        @Override
        public String providerChecksum() throws IOException {
            Result<city.tds.dataplane.serve.DeliveryStore.Delivered> d = deliveries.delivered(token, "t1");
            if (!d.isOk()) {
                throw new IOException(d.problem().detail());
            }
            return d.value().checksum().labelled();
        }
    }
}
