package city.tds.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.testkit.MutableClock;
import city.tds.dataplane.received.AgreementTerms;
import city.tds.dataplane.received.CopyState;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.source.DeliveryMasking;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceRequest;
import city.tds.dataplane.stream.PieceInputStream;
import city.tds.policy.Action;
import city.tds.policy.Duty;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.store.Database;
import city.tds.store.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries under a duty to anonymise: the data is masked before it is checksummed and served, a resumed pull (also
 * after a restart of the provider) continues in the masked bytes, the same source is delivered as it is without the
 * duty, and a source without a masking profile is not delivered under the duty. The masking here is a stand-in for
 * governance's: it upper-cases the columns its "profile" (a comma-separated list of column names) names.
 */
class MaskedDeliveriesTest {

    private static final String AGREEMENT = "urn:tds:agreement:1";
    private static final String TAX = "did:tds:tax-bureau";
    private static final String BANK = "did:tds:bank";

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
        providerDb = TestDatabases.h2();
        consumerDb = TestDatabases.h2();
        tax = provider();
        bank = new TestNode(
                consumerDb, dir.resolve("bank"), clock, BANK, id -> Optional.ofNullable(agreements.get(id)));
        Files.createDirectories(tax.sources.root().resolve("tax"));
    }

    @AfterEach
    void close() {
        providerDb.close();
        consumerDb.close();
    }

    @Test
    void underTheDutyTheMaskedDataIsServedChecksummedAndRecordedAsMasked() throws IOException {
        agree(true);
        String content = csv(2_000);
        String token = offered(content, "name");

        ReceivedCopy copy = pull(token, tax, -1);

        assertThat(copy.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(copy.providerDigest()).isEqualTo(copy.digest());
        assertThat(copy.records()).isEqualTo(2_000);
        assertThat(read(copy))
                .isEqualTo(UpperCasing.mask(content, List.of("name")))
                .isNotEqualTo(content);
        assertThat(tax.evidence.last("transfer.delivered"))
                .contains("\"masked\":true")
                .contains("\"maskedColumns\":[\"name\"]");
    }

    @Test
    void aResumedPullContinuesInTheMaskedBytesAlsoAfterTheProviderRestarted() throws IOException {
        agree(true);
        String content = csv(20_000);
        String token = offered(content, "name");
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        assertThat(bank.copies
                        .receive(copy.id(), new DataPlaneContract.Pull(tax.deliveries, token, 100_001))
                        .problem()
                        .code())
                .isEqualTo("transfer-interrupted");
        assertThat(bank.copies
                        .receive(copy.id(), new DataPlaneContract.Pull(provider().deliveries, token, 200_003))
                        .problem()
                        .code())
                .as("a restarted provider rebuilds the checksum of the masked bytes it sent")
                .isEqualTo("transfer-interrupted");

        ReceivedCopy received = bank.copies
                .receive(copy.id(), new DataPlaneContract.Pull(tax.deliveries, token, -1))
                .orElseThrow();

        assertThat(received.state()).isEqualTo(CopyState.COMPLETE);
        assertThat(received.providerDigest()).isEqualTo(received.digest());
        assertThat(read(received)).isEqualTo(UpperCasing.mask(content, List.of("name")));
    }

    @Test
    void anOffsetSkipsMaskedBytes() throws IOException {
        agree(true);
        String content = csv(500);
        String token = offered(content, "name");
        byte[] masked = UpperCasing.mask(content, List.of("name")).getBytes(StandardCharsets.UTF_8);

        Result<Deliveries.Serving> from = tax.deliveries.serve(token, "t1", 1_000);

        try (InputStream data = from.orElseThrow().data()) {
            assertThat(data.readAllBytes()).isEqualTo(Arrays.copyOfRange(masked, 1_000, masked.length));
        }
        assertThat(tax.deliveries
                        .serve(token, "t1", masked.length + 1)
                        .problem()
                        .code())
                .isEqualTo("range-invalid");
    }

    @Test
    void withoutTheDutyTheSameSourceIsDeliveredAsItIs() throws IOException {
        agree(false);
        String content = csv(300);
        String token = offered(content, "name");

        ReceivedCopy copy = pull(token, tax, -1);

        assertThat(read(copy)).isEqualTo(content);
        assertThat(tax.evidence.last("transfer.delivered")).contains("\"masked\":false");
    }

    @Test
    void underTheDutyASourceWithoutAProfileIsNotDelivered() throws IOException {
        agree(true);
        String token = offered(csv(3), null);

        Result<Deliveries.Serving> refused = tax.deliveries.serve(token, "t1", 0);

        assertThat(refused.problem().code()).isEqualTo("anonymize-without-profile");
        assertThat(refused.problem().kind().httpStatus()).isEqualTo(409);
        assertThat(refused.problem().detail()).contains("tax-firms").contains("no masking profile");
    }

    @Test
    void aProfileIsCheckedAgainstTheHeaderWhenTheSourceIsRegistered() throws IOException {
        Files.writeString(tax.sources.root().resolve("tax/firms.csv"), csv(3));
        Files.writeString(tax.sources.root().resolve("tax/firms.jsonl"), "{\"a\":1}\n");

        Result<SourceDefinition> unknown = tax.sources.register(source("firms", "tax/firms.csv", "phone"), "admin");
        assertThat(unknown.problem().code()).isEqualTo("unknown-masking-column");
        assertThat(unknown.problem().kind().httpStatus()).isEqualTo(400);
        assertThat(tax.sources.find("firms")).as("nothing stored").isEmpty();
        assertThat(tax.sources
                        .register(
                                new SourceRequest("lines", "JSON_LINES_FILE", "tax/firms.jsonl", null, null, null, "a"),
                                "admin")
                        .problem()
                        .code())
                .isEqualTo("source-not-maskable");

        SourceDefinition ok = tax.sources
                .register(source("firms", "tax/firms.csv", "name"), "admin")
                .orElseThrow();
        assertThat(ok.maskingProfile()).isEqualTo("name");
        assertThat(tax.sources.find("firms").orElseThrow().maskingProfile()).isEqualTo("name");

        TestNode plain =
                new TestNode(providerDb, dir.resolve("tax"), clock, TAX, id -> Optional.empty(), DeliveryMasking.NONE);
        assertThat(plain.sources
                        .register(source("other", "tax/firms.csv", "name"), "admin")
                        .problem()
                        .code())
                .isEqualTo("masking-unavailable");
    }

    private TestNode provider() {
        return new TestNode(
                providerDb,
                dir.resolve("tax"),
                clock,
                TAX,
                id -> Optional.ofNullable(agreements.get(id)),
                new UpperCasing());
    }

    private void agree(boolean anonymise) {
        List<Duty> duties = anonymise ? List.of(Duty.of(Action.ANONYMIZE)) : List.of();
        Policy policy = Policies.offer(
                AGREEMENT, TAX, "urn:tds:product:p1", Policies.permission(Action.USE, List.of(), duties));
        agreements.put(AGREEMENT, new AgreementTerms.Terms(AGREEMENT, TAX, policy, clock.instant(), null));
    }

    private static String csv(int rows) {
        StringBuilder out = new StringBuilder("credit_code,name,tax_paid\n");
        for (int i = 0; i < rows; i++) {
            out.append("9133010")
                    .append(String.format("%011d", i))
                    .append(",firm-")
                    .append(i)
                    .append("-ltd,")
                    .append(i * 17 % 100000)
                    .append('\n');
        }
        return out.toString();
    }

    private static SourceRequest source(String name, String location, String profile) {
        return new SourceRequest(name, "CSV_FILE", location, null, null, null, profile);
    }

    private String offered(String content, String profile) throws IOException {
        Files.writeString(tax.sources.root().resolve("tax/firms.csv"), content, StandardCharsets.UTF_8);
        tax.sources
                .register(source("tax-firms", "tax/firms.csv", profile), "tax-admin")
                .orElseThrow();
        return tax.tokens
                .issue("t1", AGREEMENT, BANK, "tax-firms", Duration.ofMinutes(10))
                .token();
    }

    private ReceivedCopy pull(String token, TestNode provider, long breakAfter) {
        ReceivedCopy copy = bank.copies.begin("t1", AGREEMENT, TAX, "text/csv");
        return bank.copies
                .receive(copy.id(), new DataPlaneContract.Pull(provider.deliveries, token, breakAfter))
                .orElseThrow();
    }

    private String read(ReceivedCopy copy) throws IOException {
        try (InputStream data =
                bank.copies.read(copy.id(), "any", "analyst").orElseThrow().data()) {
            return new String(data.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Upper-cases the named columns of simple CSV (no quoted fields), line by line, as a stream. */
    static final class UpperCasing implements DeliveryMasking {

        @Override
        public Result<List<String>> check(String profile, String sourceName, InputStream csv) {
            try {
                List<String> header = List.of(new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))
                        .readLine()
                        .split(","));
                List<String> columns = List.of(profile.split(","));
                return header.containsAll(columns)
                        ? Result.ok(columns)
                        : Result.fail(Problem.invalidInput("unknown-masking-column", profile + " not in " + header));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Result<Masked> mask(InputStream csv, SourceDefinition source) {
            List<String> columns = List.of(source.maskingProfile().split(","));
            BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
            return Result.ok(new Masked(
                    new PieceInputStream() {
                        private List<String> header;

                        @Override
                        protected byte[] nextPiece() throws IOException {
                            String line = lines.readLine();
                            if (line == null) {
                                return null;
                            }
                            if (header == null) {
                                header = List.of(line.split(","));
                                return (line + "\n").getBytes(StandardCharsets.UTF_8);
                            }
                            return (maskLine(line, header, columns) + "\n").getBytes(StandardCharsets.UTF_8);
                        }

                        @Override
                        public void close() throws IOException {
                            lines.close();
                        }
                    },
                    columns));
        }

        static String mask(String content, List<String> columns) {
            String[] lines = content.split("\n");
            List<String> header = List.of(lines[0].split(","));
            StringBuilder out = new StringBuilder(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) {
                out.append(maskLine(lines[i], header, columns)).append('\n');
            }
            return out.toString();
        }

        private static String maskLine(String line, List<String> header, List<String> columns) {
            String[] fields = line.split(",", -1);
            for (int i = 0; i < fields.length; i++) {
                if (columns.contains(header.get(i))) {
                    fields[i] = fields[i].toUpperCase(Locale.ROOT);
                }
            }
            return String.join(",", fields);
        }
    }
}
