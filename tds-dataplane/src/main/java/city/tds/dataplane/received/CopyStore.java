package city.tds.dataplane.received;

import java.util.List;
import java.util.Optional;

/** A consumer connector's copies. */
public interface CopyStore {

    /** Adds a copy; false if the transfer has one already. */
    boolean insert(ReceivedCopy copy);

    /** Writes {@code copy} if the stored one is still at {@code expectedVersion}. */
    boolean update(ReceivedCopy copy, long expectedVersion);

    Optional<ReceivedCopy> find(String id);

    Optional<ReceivedCopy> findByTransfer(String transferId);

    /** Copies under {@code agreementId} (null: every agreement) that are not yet deleted, oldest first. */
    List<ReceivedCopy> live(String agreementId, int limit);

    /** Copies, newest first. */
    List<ReceivedCopy> list(int limit);
}
