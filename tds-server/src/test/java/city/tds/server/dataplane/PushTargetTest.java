package city.tds.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.transfer.TransferProcess;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A provider pushes only to the consumer's own connector, with the token the consumer's request gave. */
class PushTargetTest {

    private static final String CALLBACK = "http://127.0.0.1:8083/api/dsp/2025-1";

    private static TransferProcess requested(String dataAddress) {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        return new TransferProcess(
                "urn:uuid:p",
                ProcessRole.PROVIDER,
                "urn:uuid:p",
                "urn:uuid:c",
                "urn:tds:participant:bank",
                CALLBACK,
                TransferState.REQUESTED,
                "urn:tds:agreement:1",
                "HttpData-PUSH",
                dataAddress,
                null,
                0,
                now,
                now);
    }

    private static String address(String endpoint) {
        return "{\"@type\":\"DataAddress\",\"endpoint\":\"" + endpoint + "\",\"endpointProperties\":"
                + "[{\"name\":\"authorization\",\"value\":\"tds-edr-abc\"}]}";
    }

    @Test
    void theConsumersOwnEndpointIsTheTarget() {
        Result<DataPlaneAssembly.PushTarget> target = DataPlaneAssembly.pushTarget(
                requested(address("http://127.0.0.1:8083/api/data/v1/incoming/urn:uuid:c")));

        assertThat(target.value().endpoint()).hasToString("http://127.0.0.1:8083/api/data/v1/incoming/urn:uuid:c");
        assertThat(target.value().token()).isEqualTo("tds-edr-abc");
    }

    @Test
    void anotherHostPortOrSchemeIsRefused() {
        for (String elsewhere : new String[] {
            "http://10.0.0.5:8083/api/data/v1/incoming/x",
            "http://127.0.0.1:5432/",
            "https://127.0.0.1:8083/api/data/v1/incoming/x",
            "file:///etc/passwd"
        }) {
            assertThat(DataPlaneAssembly.pushTarget(requested(address(elsewhere)))
                            .problem()
                            .code())
                    .as(elsewhere)
                    .isEqualTo("push-address-invalid");
        }
    }

    @Test
    void aMissingOrMalformedAddressIsRefused() {
        assertThat(DataPlaneAssembly.pushTarget(requested(null)).problem().code())
                .isEqualTo("push-address-missing");
        assertThat(DataPlaneAssembly.pushTarget(requested("{not json"))
                        .problem()
                        .code())
                .isEqualTo("push-address-invalid");
        assertThat(DataPlaneAssembly.pushTarget(requested("{\"endpoint\":\"http://127.0.0.1:8083/x\"}"))
                        .problem()
                        .code())
                .as("no token")
                .isEqualTo("push-address-invalid");
    }
}
