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

    /**
     * What {@code /.well-known/dspace-version} answers: the one version this connector speaks, at {@code path} (the
     * version's base path on this host, e.g. {@code /api/dsp/2025-1}).
     */
    public static ObjectNode versionMetadata(String path) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putArray("protocolVersions")
                .addObject()
                .put("version", Dsp.VERSION)
                .put("path", path)
                .put("binding", "HTTPS");
        return metadata;
    }

    /** A provider's offer (or counter-offer) in a negotiation the consumer opened. */
    public static ObjectNode contractOffer(String providerPid, String consumerPid, ObjectNode offer) {
        ObjectNode message = withPids(DspMessageType.CONTRACT_OFFER, providerPid, consumerPid);
        message.set("offer", offer);
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

    /** The consumer's request for a transfer under an agreement. */
    public static ObjectNode transferRequest(
            String consumerPid, String agreementId, String format, String callbackAddress) {
        return transferRequest(consumerPid, agreementId, format, callbackAddress, null);
    }

    /** A transfer request; {@code dataAddress} (where a push is to go) may be null. */
    public static ObjectNode transferRequest(
            String consumerPid, String agreementId, String format, String callbackAddress, ObjectNode dataAddress) {
        ObjectNode message = withPids(DspMessageType.TRANSFER_REQUEST, null, consumerPid)
                .put("agreementId", agreementId)
                .put("format", format)
                .put("callbackAddress", callbackAddress);
        if (dataAddress != null) {
            message.set("dataAddress", dataAddress);
        }
        return message;
    }

    /** The provider starts (or either side resumes) a transfer; {@code dataAddress} may be null. */
    public static ObjectNode transferStart(String providerPid, String consumerPid, ObjectNode dataAddress) {
        ObjectNode message = withPids(DspMessageType.TRANSFER_START, providerPid, consumerPid);
        if (dataAddress != null) {
            message.set("dataAddress", dataAddress);
        }
        return message;
    }

    /** Suspension, completion or termination of a transfer, with an optional code and reasons. */
    public static ObjectNode transferControl(
            DspMessageType type, String providerPid, String consumerPid, String code, List<String> reasons) {
        if (type != DspMessageType.TRANSFER_SUSPENSION
                && type != DspMessageType.TRANSFER_COMPLETION
                && type != DspMessageType.TRANSFER_TERMINATION) {
            throw new IllegalArgumentException(type + " is not a transfer control message");
        }
        return withCodeAndReasons(withPids(type, providerPid, consumerPid), code, reasons);
    }

    /** The state of a transfer process, as {@code GET /transfers/{pid}} and a new transfer's 201 answer it. */
    public static ObjectNode transferProcess(String providerPid, String consumerPid, TransferState state) {
        return withPids(DspMessageType.TRANSFER_PROCESS, providerPid, consumerPid)
                .put("state", state.name());
    }

    /** The error body of the transfer endpoints; unknown pids are given as empty strings. */
    public static ObjectNode transferError(String providerPid, String consumerPid, String code, List<String> reasons) {
        return withCodeAndReasons(
                withPids(
                        DspMessageType.TRANSFER_ERROR,
                        providerPid == null ? "" : providerPid,
                        consumerPid == null ? "" : consumerPid),
                code,
                reasons);
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
