package city.tds.evidence.log;

import city.tds.evidence.record.EvidenceRecord;
import java.nio.charset.StandardCharsets;

/**
 * A leaf as stored: its sequence number, its canonical entry and the leaf hash written beside it.
 *
 * @param seq the leaf index
 * @param ticket the ticket it was queued under
 * @param entry the record's canonical JSON
 * @param leafHash {@code H(0x00 || entry)} as the sequencer computed it
 */
public record StoredLeaf(long seq, String ticket, String entry, byte[] leafHash) {

    public byte[] entryBytes() {
        return entry.getBytes(StandardCharsets.UTF_8);
    }

    public EvidenceRecord record() {
        return EvidenceRecord.fromCanonicalBytes(entryBytes());
    }
}
