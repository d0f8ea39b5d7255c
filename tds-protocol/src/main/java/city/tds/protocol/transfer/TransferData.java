package city.tds.protocol.transfer;

import city.tds.core.Result;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.UsageReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Where the transfer process meets the data plane: the provider asks it for the data address to start a transfer
 * with, the consumer for the one to request a push with, and both sides tell it when a transfer changed, once the change committed. The protocol knows nothing else of
 * how data moves.
 */
public interface TransferData {

    /**
     * The provider is starting (or resuming) {@code transfer} under {@code agreement}: the DSP {@code DataAddress} to
     * send with the {@code TransferStartMessage}, or empty for none. A failure refuses the start and changes nothing.
     * Called inside the unit of work that starts the transfer.
     */
    Result<Optional<ObjectNode>> starting(TransferProcess transfer, Agreement agreement);

    /**
     * As {@link #starting(TransferProcess, Agreement)}, for a transfer the consumer {@code consumer} requested just
     * now: the participant and the facts of its credential the request was admitted with (the data plane keeps them
     * where a transfer is used after it started, as an API product's calls are). A provider resuming a transfer on
     * its own calls the other form.
     */
    default Result<Optional<ObjectNode>> starting(
            TransferProcess transfer, Agreement agreement, Counterparty consumer) {
        return starting(transfer, agreement);
    }

    /**
     * The consumer is requesting {@code transfer}: the DSP {@code DataAddress} the provider is to send the data to
     * (a push), or empty for none. A failure refuses the request and changes nothing. Called inside the unit of work
     * that opens the transfer.
     */
    default Result<Optional<ObjectNode>> requesting(TransferProcess transfer) {
        return Result.ok(Optional.empty());
    }

    /** {@code transfer} changed, on either side; called after the change committed. */
    void changed(TransferProcess transfer);

    /** Agreement {@code agreementId} was terminated (by either party); called after the end committed. */
    default void agreementEnded(String agreementId) {}

    /**
     * The consumer {@code consumerId} reported a use under one of this provider's agreements; whether it is new (not a
     * retry of a report already recorded). Called inside the unit of work that records the report's evidence.
     */
    default boolean usageReported(String consumerId, UsageReport report) {
        return true;
    }

    /** No data plane: transfers start without a data address, and changes go unnoticed. */
    TransferData NONE = new TransferData() {
        @Override
        public Result<Optional<ObjectNode>> starting(TransferProcess transfer, Agreement agreement) {
            return Result.ok(Optional.empty());
        }

        @Override
        public void changed(TransferProcess transfer) {}
    };
}
