package city.tds.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The message and response types of DSP 2025-1, each with the official JSON schema that validates it, where the
 * specification's published artifacts carry one.
 */
public enum DspMessageType {
    CATALOG_REQUEST("CatalogRequestMessage", "catalog/catalog-request-message-schema.json"),
    DATASET_REQUEST("DatasetRequestMessage", "catalog/dataset-request-message-schema.json"),
    CATALOG("Catalog", "catalog/catalog-schema.json"),
    DATASET("Dataset", "catalog/dataset-schema.json"),
    CATALOG_ERROR("CatalogError", null),

    CONTRACT_REQUEST("ContractRequestMessage", "negotiation/contract-request-message-schema.json"),
    CONTRACT_OFFER("ContractOfferMessage", "negotiation/contract-offer-message-schema.json"),
    CONTRACT_AGREEMENT("ContractAgreementMessage", "negotiation/contract-agreement-message-schema.json"),
    CONTRACT_AGREEMENT_VERIFICATION(
            "ContractAgreementVerificationMessage", "negotiation/contract-agreement-verification-message-schema.json"),
    CONTRACT_NEGOTIATION_EVENT(
            "ContractNegotiationEventMessage", "negotiation/contract-negotiation-event-message-schema.json"),
    CONTRACT_NEGOTIATION_TERMINATION(
            "ContractNegotiationTerminationMessage",
            "negotiation/contract-negotiation-termination-message-schema.json"),
    CONTRACT_NEGOTIATION("ContractNegotiation", "negotiation/contract-negotiation-schema.json"),
    CONTRACT_NEGOTIATION_ERROR("ContractNegotiationError", "negotiation/contract-negotiation-error-schema.json"),

    TRANSFER_REQUEST("TransferRequestMessage", "transfer/transfer-request-message-schema.json"),
    TRANSFER_START("TransferStartMessage", "transfer/transfer-start-message-schema.json"),
    TRANSFER_SUSPENSION("TransferSuspensionMessage", null),
    TRANSFER_COMPLETION("TransferCompletionMessage", null),
    TRANSFER_TERMINATION("TransferTerminationMessage", null),
    TRANSFER_PROCESS("TransferProcess", "transfer/transfer-process-schema.json"),
    TRANSFER_ERROR("TransferError", null);

    private final String typeName;
    private final String schema;

    DspMessageType(String typeName, String schema) {
        this.typeName = typeName;
        this.schema = schema;
    }

    /** The compact {@code @type}, e.g. {@code ContractRequestMessage}. */
    public String typeName() {
        return typeName;
    }

    /** The schema's path under the bundled schema folder, or empty where the published artifacts have none. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** The type whose compact {@code @type} is {@code name}. */
    public static Optional<DspMessageType> fromTypeName(String name) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(name)).findFirst();
    }
}
