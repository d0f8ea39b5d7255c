package city.tds.dataplane.stream;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

    private final CryptoSuite suite = CryptoSuites.create(SuiteId.GM, new java.security.SecureRandom());

    @Test
    void csvRecordsAreLinesOutsideQuotesLessTheHeader() {
        byte[] csv = "code,name,note\n91110000MA01ABCD1X,甲公司,\"two\nlines\"\n91330000MA02EFGH2Y,乙公司,last"
                .getBytes(StandardCharsets.UTF_8);
        ContentDigest digest = new ContentDigest(suite, true, true);
        // fed in pieces that cut a quoted field and a multi-byte character
        digest.update(csv, 0, 40);
        digest.update(csv, 40, 7);
        digest.update(csv, 47, csv.length - 47);

        ContentDigest.Checksum checksum = digest.finish();
        assertThat(checksum.records()).isEqualTo(2);
        assertThat(checksum.bytes()).isEqualTo(csv.length);
        assertThat(checksum.digest()).isEqualTo(HexFormat.of().formatHex(suite.hash(csv)));
        assertThat(checksum.labelled()).isEqualTo("sm3:" + checksum.digest());
    }

    @Test
    void jsonLinesCountEveryLineAndQuotesDoNotMatter() {
        byte[] lines = "{\"a\":\"x\\\"\"}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8);
        ContentDigest digest = new ContentDigest(suite, false, false);
        digest.update(lines, 0, lines.length);
        assertThat(digest.records()).isEqualTo(2);
    }

    @Test
    void emptyDataHasNoRecords() {
        ContentDigest.Checksum checksum = new ContentDigest(suite, true, true).finish();
        assertThat(checksum.records()).isZero();
        assertThat(checksum.bytes()).isZero();
    }
}
