package city.tds.server.governance;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SuiteId;
import city.tds.dataplane.source.DeliveryMasking;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceKind;
import city.tds.governance.mask.MaskingProfile;
import city.tds.governance.mask.RowMasker;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import city.tds.governance.table.CsvTableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The masking a connector applies before a delivery under a duty to anonymise: the stream's bytes are those of
 * masking the parsed CSV and writing it again, the same every time (so a resumed pull can skip what it sent), with
 * keys derived per source and node.
 */
class GovernanceDeliveryMaskingTest {

    private static final String PROFILE = "suite: GM\ncolumns:\n  身份证号: {algorithm: fpe-id, key: default}\n"
            + "  手机号: {algorithm: keep, first: 3, last: 4}\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    private final CryptoSuite suite = CryptoSuites.create(SuiteId.GM, new SecureRandom());
    private final SigningKeyPair node = suite.generateSigningKeyPair();
    private final GovernanceDeliveryMasking masking = new GovernanceDeliveryMasking(suite, node, CLOCK);
    private final byte[] csv = register(5_000);

    @Test
    void theMaskedStreamIsTheParsedCsvMaskedRowByRow() throws IOException {
        byte[] masked = masked(masking, "people");

        assertThat(masked).isEqualTo(expected("people"));
        String[] first = new String(masked, StandardCharsets.UTF_8).split("\n")[1].split(",");
        assertThat(first[0]).isEqualTo("张伟");
        assertThat(first[1]).isNotEqualTo(IdNumbers.idNumber(0)).startsWith("110105");
        assertThat(IdNumbers.valid(first[1])).as(first[1]).isTrue();
        assertThat(first[2]).isEqualTo("139****0000");
        assertThat(first[3]).isEqualTo("100");
    }

    @Test
    void theSameSourceMasksToTheSameBytesOnThisNodeAndOtherwiseElsewhere() throws IOException {
        byte[] once = masked(masking, "people");

        assertThat(masked(new GovernanceDeliveryMasking(suite, node, CLOCK), "people"))
                .as("another start of the same node")
                .isEqualTo(once);
        assertThat(masked(masking, "other-source")).isNotEqualTo(once);
        assertThat(masked(new GovernanceDeliveryMasking(suite, suite.generateSigningKeyPair(), CLOCK), "people"))
                .isNotEqualTo(once);
    }

    @Test
    void skippingMaskedBytesGivesTheRestOfTheSameBytes() throws IOException {
        byte[] whole = masked(masking, "people");
        long offset = whole.length / 3 + 7;

        try (InputStream again = mask(masking, "people").data()) {
            again.skipNBytes(offset);
            assertThat(again.readAllBytes()).isEqualTo(Arrays.copyOfRange(whole, (int) offset, whole.length));
        }
    }

    @Test
    void aProfileIsCheckedAgainstTheHeader() {
        Result<List<String>> ok = masking.check(PROFILE, "people", new ByteArrayInputStream(csv));
        assertThat(ok.orElseThrow()).containsExactly("身份证号", "手机号");

        Result<List<String>> unknown =
                masking.check("columns:\n  邮箱: {algorithm: keep, first: 1}\n", "people", new ByteArrayInputStream(csv));
        assertThat(unknown.problem().code()).isEqualTo("unknown-masking-column");
        assertThat(unknown.problem().detail()).contains("邮箱");

        Result<List<String>> algorithm =
                masking.check("columns:\n  手机号: {algorithm: scramble}\n", "people", new ByteArrayInputStream(csv));
        assertThat(algorithm.problem().code()).isEqualTo(MaskingProfile.INVALID);
        assertThat(algorithm.problem().detail()).contains("columns.手机号");
    }

    @Test
    void aRaggedRowFailsTheReadWithItsLine() {
        byte[] ragged =
                "法定代表人,身份证号,手机号,注册资本\n张伟,110105196001010014,13912340000,1\n王芳,1\n".getBytes(StandardCharsets.UTF_8);
        DeliveryMasking.Masked m =
                masking.mask(new ByteArrayInputStream(ragged), source("people")).orElseThrow();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> m.data().readAllBytes()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 3");
    }

    private byte[] masked(GovernanceDeliveryMasking with, String source) throws IOException {
        try (InputStream in = mask(with, source).data()) {
            return in.readAllBytes();
        }
    }

    private DeliveryMasking.Masked mask(GovernanceDeliveryMasking with, String source) {
        DeliveryMasking.Masked m =
                with.mask(new ByteArrayInputStream(csv), source(source)).orElseThrow();
        assertThat(m.columns()).containsExactly("身份证号", "手机号");
        return m;
    }

    private byte[] expected(String source) throws IOException {
        MaskingProfile profile = MaskingProfile.parse(PROFILE).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableReader reader =
                CsvTableReader.open(new ByteArrayInputStream(csv), csv.length, CsvOptions.detect())) {
            RowMasker masker = profile.bind(reader.header(), masking.keys(source, profile), CLOCK)
                    .orElseThrow();
            try (CsvTableWriter writer = new CsvTableWriter(out, ',', reader.header())) {
                String[] row;
                while ((row = reader.next()) != null) {
                    writer.write(masker.maskRow(row));
                }
            }
        }
        return out.toByteArray();
    }

    private static SourceDefinition source(String name) {
        return new SourceDefinition(
                        name, SourceKind.CSV_FILE, "people.csv", null, null, false, CLOCK.instant(), "admin")
                .withMaskingProfile(PROFILE);
    }

    private static byte[] register(int rows) {
        StringBuilder out = new StringBuilder("法定代表人,身份证号,手机号,注册资本\n");
        String[] names = {"张伟", "王芳", "李娜", "刘洋"};
        for (int i = 0; i < rows; i++) {
            out.append(names[i % 4])
                    .append(',')
                    .append(IdNumbers.idNumber(i))
                    .append(",1391234")
                    .append(String.format("%04d", i))
                    .append(',')
                    .append(100 + i)
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
