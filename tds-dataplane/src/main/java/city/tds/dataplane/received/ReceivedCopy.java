package city.tds.dataplane.received;

import java.time.Instant;
import java.util.Objects;

/**
 * A consumer's copy of what one transfer delivered.
 *
 * @param sealedKey the copy's data key sealed with the node's sealing key; null once deleted
 * @param digest the consumer's checksum of what it received ({@code sm3:<hex>}), once all data arrived (a RECEIVING
 *     copy with a digest waits for the provider's checksum)
 * @param providerDigest the provider's checksum of what it sent, once known
 * @param uses how many reads the agreement's count constraint has seen
 * @param problem why the copy failed or was deleted, for its owner
 */
public record ReceivedCopy(
        String id,
        String transferId,
        String agreementId,
        String providerId,
        String mediaType,
        CopyState state,
        byte[] sealedKey,
        long bytes,
        long records,
        String digest,
        String providerDigest,
        long uses,
        String problem,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ReceivedCopy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(state, "state");
    }

    /** All data arrived: the consumer's checksum is kept, and the copy waits for the provider's. */
    ReceivedCopy written(long byteCount, long recordCount, String own, Instant at) {
        return copy(state, sealedKey, byteCount, recordCount, own, null, uses, null, at);
    }

    ReceivedCopy received(long byteCount, long recordCount, String own, String theirs, Instant at) {
        boolean match = own.equals(theirs);
        return copy(
                match ? CopyState.COMPLETE : CopyState.FAILED,
                sealedKey,
                byteCount,
                recordCount,
                own,
                theirs,
                uses,
                match ? null : "the checksum of what arrived (" + own + ") is not the provider's (" + theirs + ")",
                at);
    }

    ReceivedCopy failed(String why, Instant at) {
        return copy(CopyState.FAILED, sealedKey, bytes, records, digest, providerDigest, uses, why, at);
    }

    ReceivedCopy used(Instant at) {
        return copy(state, sealedKey, bytes, records, digest, providerDigest, uses + 1, problem, at);
    }

    /** Deleted: the sealed key is cleared with the file, so nothing can open the copy again. */
    ReceivedCopy deleted(String why, Instant at) {
        return copy(CopyState.DELETED, null, bytes, records, digest, providerDigest, uses, why, at);
    }

    private ReceivedCopy copy(
            CopyState newState,
            byte[] key,
            long byteCount,
            long recordCount,
            String own,
            String theirs,
            long useCount,
            String why,
            Instant at) {
        return new ReceivedCopy(
                id,
                transferId,
                agreementId,
                providerId,
                mediaType,
                newState,
                key,
                byteCount,
                recordCount,
                own,
                theirs,
                useCount,
                why,
                version + 1,
                createdAt,
                at);
    }
}
