package city.tds.protocol;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a DSP message body: JSON within a size limit, an object whose {@code @context} names the official DSP 2025-1
 * context, an {@code @type} the endpoint accepts, and a body that conforms to the type's official schema (or, for the
 * few types the published artifacts have no schema for, carries the process ids the specification requires).
 * Messages are processed in their compact form: the official context is built for that, and a message in another form
 * is refused rather than guessed at.
 */
public final class DspMessageReader {

    /** Bodies above this size are refused before parsing. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final ObjectMapper mapper;
    private final DspSchemas schemas;
    private final int maxBytes;

    public DspMessageReader(ObjectMapper mapper, DspSchemas schemas, int maxBytes) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.maxBytes = maxBytes;
    }

    public DspMessageReader(ObjectMapper mapper) {
        this(mapper, DspSchemas.bundled(), DEFAULT_MAX_BYTES);
    }

    /** Reads {@code body} as one of {@code accepted}. */
    public Result<DspMessage> read(byte[] body, DspMessageType... accepted) {
        return read(body, Set.of(accepted));
    }

    public Result<DspMessage> read(byte[] body, Set<DspMessageType> accepted) {
        if (body.length > maxBytes) {
            return Result.fail(new Problem(
                    ProblemKind.PAYLOAD_TOO_LARGE,
                    "dsp-message-too-large",
                    "a DSP message may have at most " + maxBytes + " bytes; this one has " + body.length));
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return invalid(
                    "dsp-malformed-json",
                    "the body is not JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalid("dsp-malformed-json", "the body cannot be read: " + e.getMessage());
        }
        if (!(json instanceof ObjectNode message)) {
            return invalid("dsp-malformed-json", "a DSP message is a JSON object");
        }
        Optional<String> contextProblem = contextProblem(message.get("@context"));
        if (contextProblem.isPresent()) {
            return invalid("dsp-wrong-context", contextProblem.get());
        }
        JsonNode typeNode = message.get("@type");
        String expected =
                accepted.stream().map(DspMessageType::typeName).sorted().collect(Collectors.joining(", "));
        if (typeNode == null || !typeNode.isTextual()) {
            return invalid("dsp-unknown-type", "@type must be a string naming one of: " + expected);
        }
        Optional<DspMessageType> type = DspMessageType.fromTypeName(typeNode.asText());
        if (type.isEmpty() || !accepted.contains(type.get())) {
            return invalid(
                    "dsp-unknown-type", "@type " + typeNode.asText() + " is not accepted here; expected " + expected);
        }
        List<String> violations = new ArrayList<>(schemas.violations(type.get(), message));
        if (!schemas.hasSchema(type.get())) {
            violations.addAll(RequiredMembers.missing(type.get(), message));
        }
        if (!violations.isEmpty()) {
            return invalid(
                    "dsp-invalid-message",
                    type.get().typeName() + " does not conform to the DSP 2025-1 schema: "
                            + String.join("; ", violations));
        }
        return Result.ok(new DspMessage(type.get(), message));
    }

    private static Optional<String> contextProblem(JsonNode context) {
        if (context == null) {
            return Optional.of("@context is missing; it must be an array naming " + Dsp.CONTEXT);
        }
        if (context.isArray()) {
            for (JsonNode entry : context) {
                if (entry.isTextual() && entry.asText().equals(Dsp.CONTEXT)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("@context must be an array naming " + Dsp.CONTEXT + "; got " + context);
    }

    private static <T> Result<T> invalid(String code, String detail) {
        return Result.fail(Problem.invalidInput(code, detail));
    }

    /** The members the specification requires of the types the published artifacts have no schema for. */
    private static final class RequiredMembers {
        static List<String> missing(DspMessageType type, ObjectNode message) {
            List<String> required =
                    switch (type) {
                        case TRANSFER_SUSPENSION, TRANSFER_COMPLETION, TRANSFER_TERMINATION, TRANSFER_ERROR ->
                            List.of("providerPid", "consumerPid");
                        default -> List.of();
                    };
            List<String> missing = new ArrayList<>();
            for (String member : required) {
                JsonNode value = message.get(member);
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    missing.add("$." + member + ": required, a non-empty string");
                }
            }
            JsonNode reason = message.get("reason");
            if (reason != null && !reason.isArray()) {
                missing.add("$.reason: must be an array");
            }
            JsonNode code = message.get("code");
            if (code != null && !code.isTextual()) {
                missing.add("$.code: must be a string");
            }
            return missing;
        }

        private RequiredMembers() {}
    }
}
