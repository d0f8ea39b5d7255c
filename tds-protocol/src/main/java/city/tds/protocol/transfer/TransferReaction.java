package city.tds.protocol.transfer;

import city.tds.protocol.negotiation.Agreement;

/**
 * What the provider does with a transfer request that passed its checks. The production reaction ({@link #START})
 * starts at once: the agreement is finalized and admits the format, and every use is checked again on the data plane.
 */
@FunctionalInterface
public interface TransferReaction {

    Next onRequested(TransferProcess requested, Agreement agreement);

    enum Next {
        /** Start now and tell the consumer. */
        START,
        /** Leave the transfer REQUESTED; a later step (an operator, a script) starts or ends it. */
        WAIT,
        /** End the transfer now and tell the consumer. */
        TERMINATE
    }

    TransferReaction START = (requested, agreement) -> Next.START;
}
