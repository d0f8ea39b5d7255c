package city.tds.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds DSP 2025-1 messages and responses in compact form, each conforming to its official schema. */
public final class DspMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DspMessages() {}

    /** A message of {@code type} with the official context; the caller adds its members. */
    public static ObjectNode message(DspMessageType type) {
        ObjectNode message = NODES.objectNode();
        message.putArray("@context").add(Dsp.CONTEXT);
        message.put("@type", type.typeName());
        return message;
    }

    private static ObjectNode withPids(DspMessageType type, String providerPid, String consumerPid) {
        ObjectNode message = message(type);
        if (providerPid != null) {
            message.put("providerPid", providerPid);
        }
        if (consumerPid != null) {
            message.put("consumerPid", consumerPid);
        }
        return message;
    }

    /** The consumer's request; {@code providerPid} is null for the request that opens a negotiation. */
    public static ObjectNode contractRequest(
            String consumerPid, String providerPid, ObjectNode offer, String callbackAddress) {
        ObjectNode message = withPids(DspMessageType.CONTRACT_REQUEST, providerPid, consumerPid);
        message.set("offer", offer);
        if (callbackAddress != null) {
            message.put("callbackAddress", callbackAddress);
        }
        return message;
    }

    public static ObjectNode contractAgreement(String providerPid, String consumerPid, ObjectNode agreement) {
        ObjectNode message = withPids(DspMessageType.CONTRACT_AGREEMENT, providerPid, consumerPid);
        message.set("agreement", agreement);
        return message;
    }

    public static ObjectNode agreementVerification(String providerPid, String consumerPid) {
        return withPids(DspMessageType.CONTRACT_AGREEMENT_VERIFICATION, providerPid, consumerPid);
    }

    /** {@code eventType} is {@code ACCEPTED} (from the consumer) or {@code FINALIZED} (from the provider). */
    public static ObjectNode negotiationEvent(String providerPid, String consumerPid, NegotiationState eventType) {
        if (eventType != NegotiationState.ACCEPTED && eventType != NegotiationState.FINALIZED) {
            throw new IllegalArgumentException("a negotiation event is ACCEPTED or FINALIZED, not " + eventType);
        }
        return withPids(DspMessageType.CONTRACT_NEGOTIATION_EVENT, providerPid, consumerPid)
                .put("eventType", eventType.name());
    }

    public static ObjectNode negotiationTermination(
            String providerPid, String consumerPid, String code, List<String> reasons) {
        ObjectNode message = withPids(DspMessageType.CONTRACT_NEGOTIATION_TERMINATION, providerPid, consumerPid);
        return withCodeAndReasons(message, code, reasons);
    }

    /** The state of a negotiation, as {@code GET /negotiations/{pid}} and a new negotiation's 201 answer it. */
    public static ObjectNode contractNegotiation(String providerPid, String consumerPid, NegotiationState state) {
        return withPids(DspMessageType.CONTRACT_NEGOTIATION, providerPid, consumerPid)
                .put("state", state.name());
    }

    /** The error body of the negotiation endpoints; unknown pids are given as empty strings. */
    public static ObjectNode negotiationError(
            String providerPid, String consumerPid, String code, List<String> reasons) {
        ObjectNode message = withPids(
                DspMessageType.CONTRACT_NEGOTIATION_ERROR,
                providerPid == null ? "" : providerPid,
                consumerPid == null ? "" : consumerPid);
        return withCodeAndReasons(message, code, reasons);
    }

    private static ObjectNode withCodeAndReasons(ObjectNode message, String code, List<String> reasons) {
        if (code != null) {
            message.put("code", code);
        }
        if (reasons != null && !reasons.isEmpty()) {
            ArrayNode array = message.putArray("reason");
            reasons.forEach(array::add);
        }
        return message;
    }
}
