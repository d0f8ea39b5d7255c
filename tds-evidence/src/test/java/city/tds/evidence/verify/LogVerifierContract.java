package city.tds.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.evidence.log.EvidenceFixture;
import city.tds.evidence.merkle.Tile;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Any one change to a stored record, hash, tile node or tree head is found, and named by its sequence number. */
public abstract class LogVerifierContract extends EvidenceFixture {

    private static final int RECORDS = 300; // one complete tile and a tail of 44

    @BeforeEach
    void fillAndSign() {
        appendAndSequence(RECORDS);
        log.signTreeHead();
    }

    private LogVerification verify() {
        return new LogVerifier(store, suite, key.publicKey()).verify();
    }

    private String entry(long seq) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT entry FROM evidence_leaf WHERE seq = " + seq)
                        .mapTo(String.class)
                        .one());
    }

    private void setEntry(long seq, String entry) {
        database.jdbi().useHandle(h -> h.execute("UPDATE evidence_leaf SET entry = ? WHERE seq = ?", entry, seq));
    }

    private byte[] leafHash(long seq) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT leaf_hash FROM evidence_leaf WHERE seq = " + seq)
                        .mapTo(byte[].class)
                        .one());
    }

    private void setLeafHash(long seq, byte[] hash) {
        database.jdbi().useHandle(h -> h.execute("UPDATE evidence_leaf SET leaf_hash = ? WHERE seq = ?", hash, seq));
    }

    /** One byte of the record changes: a digit of its payload digest. */
    private static String oneByteChanged(String entry) {
        int at = entry.indexOf("\"payloadDigest\":\"") + 17;
        char c = entry.charAt(at);
        return entry.substring(0, at) + (c == '0' ? '1' : '0') + entry.substring(at + 1);
    }

    private void assertFirstBad(LogVerification result, long seq) {
        assertThat(result.intact()).as(result.problem()).isFalse();
        assertThat(result.firstBadSeq()).as(result.problem()).hasValue(seq);
    }

    @Test
    void anIntactLogVerifiesWithItsSizeAndRoot() {
        LogVerification result = verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.size()).isEqualTo(RECORDS);
        assertThat(result.signedSize()).isEqualTo(RECORDS);
        assertThat(result.root()).isEqualTo(HexFormat.of().formatHex(log.root(RECORDS)));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void oneChangedByteOfARecordIsNamed() {
        setEntry(100, oneByteChanged(entry(100)));
        assertFirstBad(verify(), 100);
    }

    @Test
    void oneChangedByteOfARecordInTheIncompleteLastTileIsNamed() {
        setEntry(281, oneByteChanged(entry(281)));
        assertFirstBad(verify(), 281);
    }

    @Test
    void oneChangedByteOfAStoredLeafHashIsNamed() {
        byte[] hash = leafHash(150);
        hash[7] ^= 1;
        setLeafHash(150, hash);
        assertFirstBad(verify(), 150);
    }

    @Test
    void aRecordChangedTogetherWithItsHashIsNamedThroughItsTile() {
        String forged = oneByteChanged(entry(120));
        setEntry(120, forged);
        setLeafHash(120, log.hasher().leaf(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFirstBad(verify(), 120);
    }

    @Test
    void oneChangedByteOfAStoredTreeNodeIsNamedByTheFirstRecordUnderIt() {
        byte[] nodes = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT nodes FROM evidence_tile WHERE tile_index = 0")
                        .mapTo(byte[].class)
                        .one());
        int levelThreeStart = Tile.LEAVES + Tile.LEAVES / 2 + Tile.LEAVES / 4; // nodes of levels 0, 1 and 2 first
        int node = levelThreeStart + 5; // covers records 40 to 47
        nodes[node * 32 + 3] ^= 1;
        database.jdbi().useHandle(h -> h.execute("UPDATE evidence_tile SET nodes = ? WHERE tile_index = 0", nodes));

        LogVerification result = verify();
        assertFirstBad(result, 40);
        assertThat(result.problem()).contains("level 3", "40 to 47");
    }

    @Test
    void aDeletedRecordIsNamed() {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM evidence_leaf WHERE seq = 50"));
        LogVerification result = verify();
        assertFirstBad(result, 50);
        assertThat(result.problem()).contains("deleted");
    }

    @Test
    void deletedRecordsAtTheEndAreFoundFromTheSignedHead() {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM evidence_leaf WHERE seq >= 290"));
        LogVerification result = verify();
        assertFirstBad(result, 290);
        assertThat(result.problem()).contains("deleted");
    }

    @Test
    void twoSwappedRecordsAreNamedByTheFirst() {
        String ten = entry(10);
        String twenty = entry(20);
        byte[] tenHash = leafHash(10);
        byte[] twentyHash = leafHash(20);
        setEntry(10, twenty);
        setLeafHash(10, twentyHash);
        setEntry(20, ten);
        setLeafHash(20, tenHash);
        LogVerification result = verify();
        assertFirstBad(result, 10);
        assertThat(result.problem()).contains("reordered");
    }

    @Test
    void anInsertedRecordIsNamedWhereItWasInserted() {
        // shift records 200.. up by one, then forge a well-formed record with a consistent hash at 200
        database.jdbi().useHandle(h -> {
            for (long seq = RECORDS - 1; seq >= 200; seq--) {
                h.execute("UPDATE evidence_leaf SET seq = ? WHERE seq = ?", seq + 1, seq);
            }
            String forged = entry(201).replace("\"seq\":200", "\"seq\":200").replace("decision:d200", "decision:x");
            h.execute(
                    "INSERT INTO evidence_leaf (seq, ticket, event_type, occurred_at, entry, leaf_hash)"
                            + " SELECT 200, 'forged', event_type, occurred_at, ?, ? FROM evidence_leaf WHERE seq = 201",
                    forged,
                    log.hasher().leaf(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
        LogVerification result = verify();
        assertFirstBad(result, 200);
        assertThat(result.problem()).contains("inserted");
    }

    @Test
    void aChangedTreeHeadSignatureIsFound() {
        database.jdbi()
                .useHandle(h -> h.execute("UPDATE evidence_tree_head SET signed_at = signed_at + INTERVAL '1' SECOND"));
        LogVerification result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("signature of the tree head of size " + RECORDS);
    }

    @Test
    void recordsAfterTheLastSignedHeadAreNotedNotFailed() {
        appendAndSequence(5);
        LogVerification result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.size()).isEqualTo(RECORDS + 5);
        assertThat(result.signedSize()).isEqualTo(RECORDS);
        assertThat(result.notes()).singleElement().asString().contains("5 record(s) after the latest signed tree head");
    }
}
