package city.tds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/** A DSP message that passed {@link DspMessageReader}: its type and its JSON in compact form. */
public record DspMessage(DspMessageType type, ObjectNode json) {

    public DspMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }

    /** A string member, e.g. {@code consumerPid}; empty when absent, blank or not a string. */
    public Optional<String> text(String member) {
        JsonNode value = json.get(member);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** An object member, e.g. {@code offer}; empty when absent or not an object. */
    public Optional<ObjectNode> object(String member) {
        JsonNode value = json.get(member);
        return value instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }
}
