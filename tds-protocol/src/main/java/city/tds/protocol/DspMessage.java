package city.tds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A DSP message that passed {@link DspMessageReader}: its type and its JSON in compact form. */
public record DspMessage(DspMessageType type, ObjectNode json) {

    /** The longest reason kept from a message. */
    public static final int MAX_REASON = 4000;

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

    /**
     * Why a termination, suspension or error says it happened: its {@code code} and {@code reason} entries joined with
     * {@code ": "}, at most {@link #MAX_REASON} characters (what a store keeps); empty when it gives none.
     */
    public Optional<String> reason() {
        List<String> parts = new ArrayList<>();
        text("code").ifPresent(parts::add);
        JsonNode reasons = json.get("reason");
        if (reasons != null && reasons.isArray()) {
            reasons.forEach(r -> parts.add(r.isTextual() ? r.asText() : r.toString()));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(": ", parts);
        return Optional.of(text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text);
    }

    /** An object member, e.g. {@code offer}; empty when absent or not an object. */
    public Optional<ObjectNode> object(String member) {
        JsonNode value = json.get(member);
        return value instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }
}
