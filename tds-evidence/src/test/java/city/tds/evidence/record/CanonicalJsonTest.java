package city.tds.evidence.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.encode(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsWithoutWhiteSpace() throws Exception {
        assertThat(canonical("{ \"b\": 1, \"a\": [ true, null, \"x\" ], \"A\": {\"z\":0,\"y\":-5} }"))
                .isEqualTo("{\"A\":{\"y\":-5,\"z\":0},\"a\":[true,null,\"x\"],\"b\":1}");
        // RFC 8785 section 3.2.3: sorting by UTF-16 code units puts U+1F600 (a surrogate pair) before U+FFFF
        assertThat(canonical("{\"\\uffff\":1,\"\\ud83d\\ude00\":2}")).isEqualTo("{\"😀\":2,\"\uffff\":1}");
    }

    @Test
    void stringsAreEscapedAsEcmaScriptDoes() throws Exception {
        assertThat(canonical("[\"\\u0007 \\n \\\" \\\\ / 税务 \\u001f\"]"))
                .isEqualTo("[\"\\u0007 \\n \\\" \\\\ / 税务 \\u001f\"]");
    }

    @Test
    void onlyIntegersAreAccepted() {
        assertThatThrownBy(() -> canonical("[1.5]")).hasMessageContaining("integers only");
    }

    @Test
    void recordsRoundTripThroughTheirCanonicalBytes() {
        EvidenceRecord record = new EvidenceRecord(
                42,
                "participant.approved",
                Instant.parse("2026-12-01T08:00:00.123456789Z"),
                "p-1",
                "u-7",
                List.of("application:a-1", "participant:p-1"),
                List.of("p-2", "p-1"),
                "66c7f0f4");
        byte[] bytes = record.canonicalBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"actor\":{\"participant\":\"p-1\",\"user\":\"u-7\"},\"parties\":[\"p-1\",\"p-2\"],"
                        + "\"payloadDigest\":\"66c7f0f4\",\"seq\":42,\"subjects\":[\"application:a-1\","
                        + "\"participant:p-1\"],\"time\":\"2026-12-01T08:00:00.123456Z\","
                        + "\"type\":\"participant.approved\",\"v\":1}");
        assertThat(EvidenceRecord.fromCanonicalBytes(bytes)).isEqualTo(record);
    }

    @Test
    void nonCanonicalOrUnknownRecordsAreRefused() {
        String canonical = new String(
                new EvidenceRecord(1, "a.b", Instant.EPOCH, null, null, List.of(), List.of(), "00").canonicalBytes(),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EvidenceRecord.fromCanonicalBytes(
                        canonical.replace(",", ", ").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not in canonical form");
        assertThatThrownBy(() -> EvidenceRecord.fromCanonicalBytes(
                        canonical.replace("\"v\":1", "\"v\":1,\"x\":2").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown record member 'x'");
        assertThatThrownBy(() -> EvidenceRecord.fromCanonicalBytes("{nope".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not JSON");
    }
}
