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
    void recordsAreCountedAlikeHoweverTheDataIsCut() {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = "ab,\"\n\n甲".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[random.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                // mostly plain text, so that long quote-free runs take the fast path
                data[i] = random.nextInt(10) < 7 ? (byte) 'x' : alphabet[random.nextInt(alphabet.length)];
            }
            for (boolean csv : new boolean[] {true, false}) {
                ContentDigest cut = new ContentDigest(suite, csv, csv);
                int at = 0;
                while (at < data.length) {
                    int n = Math.min(data.length - at, random.nextInt(20));
                    cut.update(data, at, n);
                    at += n;
                }
                assertThat(cut.records()).as("round %d, csv %s", round, csv).isEqualTo(reference(data, csv));
            }
        }
    }

    /** Records counted the plain way, byte by byte. */
    private static long reference(byte[] data, boolean csv) {
        long lines = 0;
        boolean quoted = false;
        boolean open = false;
        for (byte b : data) {
            if (b == '"' && csv) {
                quoted = !quoted;
                open = true;
            } else if (b == '\n' && !quoted) {
                lines++;
                open = false;
            } else {
                open = true;
            }
        }
        long all = lines + (open ? 1 : 0);
        return csv ? Math.max(0, all - 1) : all;
    }

    @Test
    void emptyDataHasNoRecords() {
        ContentDigest.Checksum checksum = new ContentDigest(suite, true, true).finish();
        assertThat(checksum.records()).isZero();
        assertThat(checksum.bytes()).isZero();
    }
}
