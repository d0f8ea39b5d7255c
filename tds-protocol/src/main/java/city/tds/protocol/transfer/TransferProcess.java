package city.tds.protocol.transfer;

import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import java.time.Instant;
import java.util.Objects;

/**
 * One transfer process as this connector holds it, on either side: the movement of data under one agreement.
 *
 * @param id this connector's process id (the providerPid on the provider's side, the consumerPid on the consumer's)
 * @param format the DSP transfer format asked for, e.g. {@code HttpData-PULL}
 * @param dataAddress the data address (JSON), if one was sent: on a consumer's process the provider's, from its start
 *     message (where to pull from); on a provider's process the consumer's, from its request (where to push to)
 */
public record TransferProcess(
        String id,
        ProcessRole role,
        String providerPid,
        String consumerPid,
        String counterpartyId,
        String counterpartyAddress,
        TransferState state,
        String agreementId,
        String format,
        String dataAddress,
        String reason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public TransferProcess {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(consumerPid, "consumerPid");
        Objects.requireNonNull(counterpartyId, "counterpartyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(format, "format");
    }

    public String counterpartyPid() {
        return role == ProcessRole.PROVIDER ? consumerPid : providerPid;
    }

    public TransferProcess moved(TransferState next, Instant at) {
        return copy(providerPid, next, dataAddress, reason, version + 1, at);
    }

    public TransferProcess withProviderPid(String pid) {
        return copy(pid, state, dataAddress, reason, version, updatedAt);
    }

    public TransferProcess withDataAddress(String address) {
        return copy(providerPid, state, address, reason, version, updatedAt);
    }

    public TransferProcess withReason(String why) {
        return copy(providerPid, state, dataAddress, why, version, updatedAt);
    }

    /** This process with the fields that change over its life replaced; the rest is fixed when it opens. */
    private TransferProcess copy(
            String newProviderPid,
            TransferState newState,
            String newDataAddress,
            String newReason,
            long newVersion,
            Instant newUpdatedAt) {
        return new TransferProcess(
                id,
                role,
                newProviderPid,
                consumerPid,
                counterpartyId,
                counterpartyAddress,
                newState,
                agreementId,
                format,
                newDataAddress,
                newReason,
                newVersion,
                createdAt,
                newUpdatedAt);
    }
}
