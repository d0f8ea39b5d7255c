package city.tds.evidence.verify;

import java.util.List;
import java.util.OptionalLong;

/**
 * What verifying a whole log found.
 *
 * @param intact whether every record, tile and tree head checked out
 * @param size number of records read
 * @param root root hash of those records (hex)
 * @param signedSize size of the largest tree head whose signature and root were verified
 * @param firstBadSeq the first sequence number that was altered, deleted, inserted or reordered, if any
 * @param problem what is wrong there, for a human reader (empty when intact)
 * @param notes facts that are not tampering, e.g. records not yet covered by a signed tree head
 */
public record LogVerification(
        boolean intact,
        long size,
        String root,
        long signedSize,
        OptionalLong firstBadSeq,
        String problem,
        List<String> notes) {

    public LogVerification {
        notes = List.copyOf(notes);
    }
}
