package city.tds.protocol.transfer;

import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import java.util.List;
import java.util.Optional;

/** Where transfer processes are kept; calls join the caller's unit of work. */
public interface TransferStore {

    /** Stores a new process; false when one with the same role, counterparty and consumerPid exists. */
    boolean insert(TransferProcess process);

    /** Replaces the process if it is still at {@code expectedVersion}. */
    boolean update(TransferProcess process, long expectedVersion);

    Optional<TransferProcess> find(String id);

    Optional<TransferProcess> findByConsumerPid(ProcessRole role, String counterpartyId, String consumerPid);

    List<TransferProcess> list(ProcessRole role, TransferState state, int limit);
}
