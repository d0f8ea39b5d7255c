package city.tds.dataplane.serve;

import java.util.Optional;

/**
 * Whether a transfer's data may flow now: asked when a pull or push begins and again as its data streams, so that
 * suspending or ending the transfer stops the data mid-stream, not only at the next request.
 */
@FunctionalInterface
public interface TransferGate {

    /** Why {@code transferId}'s data may not flow now (e.g. "the transfer is SUSPENDED"), or empty if it may. */
    Optional<String> closed(String transferId);

    /** Every transfer open: for a data plane without a transfer process. */
    TransferGate OPEN = transferId -> Optional.empty();
}
