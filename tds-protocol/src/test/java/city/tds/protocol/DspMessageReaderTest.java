package city.tds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DspMessageReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DspMessageReader reader = new DspMessageReader(JSON);

    static String example(String name) {
        try (InputStream in = DspMessageReaderTest.class.getResourceAsStream("/dsp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode exampleJson(String name) {
        try {
            return (ObjectNode) JSON.readTree(example(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result<DspMessage> read(String body, DspMessageType... accepted) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), accepted);
    }

    private Problem problem(String body, DspMessageType... accepted) {
        Result<DspMessage> result = read(body, accepted);
        assertThat(result.isOk()).as("refused").isFalse();
        return result.problem();
    }

    @Test
    void readsMessagesThatConformToTheOfficialSchemas() {
        Result<DspMessage> request = read(example("contract-request-initial.json"), DspMessageType.CONTRACT_REQUEST);

        assertThat(request.isOk()).as(() -> request.problem().detail()).isTrue();
        assertThat(request.value().type()).isEqualTo(DspMessageType.CONTRACT_REQUEST);
        assertThat(request.value().text("consumerPid")).contains("urn:uuid:6f2b1c0e-8a55-4b8e-9d7e-0c4a1f3b2d10");
        assertThat(request.value().object("offer")).isPresent();
        assertThat(read(example("contract-agreement.json"), DspMessageType.CONTRACT_AGREEMENT)
                        .isOk())
                .isTrue();
        assertThat(read(example("transfer-request.json"), DspMessageType.TRANSFER_REQUEST)
                        .isOk())
                .isTrue();
        assertThat(read(example("catalog-request.json"), DspMessageType.CATALOG_REQUEST)
                        .isOk())
                .isTrue();
        assertThat(read(example("transfer-completion.json"), DspMessageType.TRANSFER_COMPLETION)
                        .isOk())
                .isTrue();
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        Problem problem = problem(
                "{\"@type\": \"ContractRequestMessage\",\n  \"consumerPid\": }", DspMessageType.CONTRACT_REQUEST);

        assertThat(problem.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
        assertThat(problem.code()).isEqualTo("dsp-malformed-json");
        assertThat(problem.detail()).contains("line 2");
        assertThat(problem("[1, 2]", DspMessageType.CONTRACT_REQUEST).detail())
                .isEqualTo("a DSP message is a JSON object");
    }

    @Test
    void theContextMustNameTheOfficialDsp2025Context() {
        ObjectNode message = exampleJson("contract-request-initial.json");
        message.putArray("@context").add("https://w3id.org/dspace/2024/1/context.json");
        Problem wrong = problem(message.toString(), DspMessageType.CONTRACT_REQUEST);
        message.remove("@context");
        Problem missing = problem(message.toString(), DspMessageType.CONTRACT_REQUEST);
        message.put("@context", Dsp.CONTEXT);
        Problem notAnArray = problem(message.toString(), DspMessageType.CONTRACT_REQUEST);

        assertThat(wrong.code()).isEqualTo("dsp-wrong-context");
        assertThat(wrong.detail()).contains("2024/1").contains(Dsp.CONTEXT);
        assertThat(missing.detail()).startsWith("@context is missing");
        assertThat(notAnArray.code()).isEqualTo("dsp-wrong-context");
    }

    @Test
    void anUnknownOrMisplacedTypeIsRefusedNamingWhatIsExpected() {
        ObjectNode message = exampleJson("contract-request-initial.json");
        message.put("@type", "ContractWishMessage");
        Problem unknown = problem(message.toString(), DspMessageType.CONTRACT_REQUEST);
        Problem misplaced = problem(example("contract-request-initial.json"), DspMessageType.TRANSFER_REQUEST);

        assertThat(unknown.code()).isEqualTo("dsp-unknown-type");
        assertThat(unknown.detail())
                .isEqualTo("@type ContractWishMessage is not accepted here; expected ContractRequestMessage");
        assertThat(misplaced.detail()).contains("expected TransferRequestMessage");
    }

    @Test
    void schemaViolationsAreListedByPath() {
        ObjectNode message = exampleJson("contract-request-initial.json");
        message.remove("consumerPid");
        message.remove("callbackAddress");

        Problem problem = problem(message.toString(), DspMessageType.CONTRACT_REQUEST);

        assertThat(problem.code()).isEqualTo("dsp-invalid-message");
        assertThat(problem.detail())
                .startsWith("ContractRequestMessage does not conform to the DSP 2025-1 schema: ")
                .contains("consumerPid")
                .contains("callbackAddress");
    }

    @Test
    void anOfferWithoutItsIdIsInvalid() {
        ObjectNode message = exampleJson("contract-request-initial.json");
        ((ObjectNode) message.get("offer")).remove("@id");

        assertThat(problem(message.toString(), DspMessageType.CONTRACT_REQUEST).detail())
                .contains("@id");
    }

    @Test
    void typesWithoutAPublishedSchemaStillNeedTheirProcessIds() {
        ObjectNode message = exampleJson("transfer-completion.json");
        message.remove("providerPid");
        message.put("reason", "not an array");

        Problem problem = problem(message.toString(), DspMessageType.TRANSFER_COMPLETION);

        assertThat(problem.detail())
                .contains("$.providerPid: required, a non-empty string")
                .contains("$.reason: must be an array");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        DspMessageReader small = new DspMessageReader(JSON, DspSchemas.bundled(), 64);

        Result<DspMessage> result = small.read(
                example("contract-request-initial.json").getBytes(StandardCharsets.UTF_8),
                DspMessageType.CONTRACT_REQUEST);

        assertThat(result.problem().kind()).isEqualTo(ProblemKind.PAYLOAD_TOO_LARGE);
        assertThat(result.problem().detail()).startsWith("a DSP message may have at most 64 bytes");
    }

    @Test
    void aMessagesReasonJoinsItsCodeAndReasonsAndIsKeptWithinWhatAStoreHolds() {
        DspMessage terminated = read(
                        DspMessages.negotiationTermination("urn:p", "urn:c", "late", List.of("too late", "sorry"))
                                .toString(),
                        DspMessageType.CONTRACT_NEGOTIATION_TERMINATION)
                .value();
        DspMessage silent = read(
                        DspMessages.negotiationTermination("urn:p", "urn:c", null, null)
                                .toString(),
                        DspMessageType.CONTRACT_NEGOTIATION_TERMINATION)
                .value();
        DspMessage verbose = read(
                        DspMessages.negotiationTermination("urn:p", "urn:c", null, List.of("x".repeat(5000)))
                                .toString(),
                        DspMessageType.CONTRACT_NEGOTIATION_TERMINATION)
                .value();

        assertThat(terminated.reason()).contains("late: too late: sorry");
        assertThat(silent.reason()).isEmpty();
        assertThat(verbose.reason().orElseThrow()).hasSize(DspMessage.MAX_REASON);
    }
}
