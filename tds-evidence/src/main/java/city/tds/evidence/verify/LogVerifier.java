package city.tds.evidence.verify;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningPublicKey;
import city.tds.evidence.log.EvidenceStore;
import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.log.StoredLeaf;
import city.tds.evidence.merkle.CompactRange;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.merkle.Tile;
import city.tds.evidence.record.EvidenceRecord;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a whole stored log in one pass, recomputing every leaf hash, every tile and every signed tree head, and stops
 * at the first sequence number where the stored log departs from what was signed:
 *
 * <ul>
 *   <li>a record whose bytes, or stored hash, were changed: its leaf hash no longer matches (altered);
 *   <li>a missing sequence number (deleted), or a record whose own number is not its position (inserted or
 *       reordered);
 *   <li>a stored tile node that differs from the one recomputed from its leaves (altered node);
 *   <li>a tree head whose signature fails, or whose root the records no longer produce.
 * </ul>
 */
public final class LogVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final EvidenceStore store;
    private final CryptoSuite suite;
    private final SigningPublicKey key;
    private final MerkleHasher hasher;

    public LogVerifier(EvidenceStore store, CryptoSuite suite, SigningPublicKey key) {
        this.store = store;
        this.suite = suite;
        this.key = key;
        this.hasher = new MerkleHasher(suite);
    }

    public LogVerification verify() {
        List<SignedTreeHead> heads = store.treeHeads();
        Walk walk = new Walk(heads);
        for (SignedTreeHead head : heads) {
            if (!head.keyId().equals(key.keyId()) || !suite.verify(key, head.signedBytes(), head.signature())) {
                return walk.failedHead(
                        head,
                        "the signature of the tree head of size " + head.treeSize() + " does not verify with key "
                                + key.keyId());
            }
        }
        walk.checkHeadsAt(0);
        try {
            store.forEachLeaf(0, walk::visit);
        } catch (Found found) {
            return found.result;
        }
        return walk.finish();
    }

    private static final class Found extends RuntimeException {
        final LogVerification result;

        Found(LogVerification result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final class Walk {
        final List<SignedTreeHead> heads;
        final CompactRange range = new CompactRange(hasher);
        final List<byte[]> tileLeaves = new ArrayList<>(Tile.LEAVES);
        int nextHead;
        long expected;
        long signedSize;

        Walk(List<SignedTreeHead> heads) {
            this.heads = heads;
        }

        void visit(StoredLeaf leaf) {
            if (leaf.seq() != expected) {
                fail(
                        expected,
                        "record " + expected + " is missing: the log jumps from " + (expected - 1) + " to " + leaf.seq()
                                + " (deleted)");
            }
            EvidenceRecord record;
            try {
                record = EvidenceRecord.fromCanonicalBytes(leaf.entryBytes());
            } catch (IllegalArgumentException e) {
                fail(
                        leaf.seq(),
                        "record " + leaf.seq() + " is not a valid canonical record (altered): " + e.getMessage());
                return;
            }
            if (record.seq() > leaf.seq()) {
                fail(
                        leaf.seq(),
                        "position " + leaf.seq() + " holds the record numbered " + record.seq()
                                + ": records were deleted or moved (reordered)");
            }
            if (record.seq() < leaf.seq()) {
                fail(
                        record.seq(),
                        "position " + leaf.seq() + " holds the record numbered " + record.seq()
                                + ": a record was inserted at " + record.seq() + " or records were moved (reordered)");
            }
            byte[] leafHash = hasher.leaf(leaf.entryBytes());
            if (!MessageDigest.isEqual(leafHash, leaf.leafHash())) {
                fail(leaf.seq(), "record " + leaf.seq() + " does not match its stored leaf hash (altered)");
            }
            range.append(leafHash);
            tileLeaves.add(leafHash);
            expected++;
            if (tileLeaves.size() == Tile.LEAVES) {
                checkTile(expected / Tile.LEAVES - 1);
            }
            checkHeadsAt(expected);
        }

        void checkTile(long index) {
            Tile rebuilt = Tile.build(index, tileLeaves, hasher);
            tileLeaves.clear();
            Optional<Tile> stored = store.tile(index);
            long first = index * Tile.LEAVES;
            if (stored.isEmpty()) {
                fail(
                        first,
                        "tile " + index + " (records " + first + " to " + (first + Tile.LEAVES - 1) + ") is missing");
                return;
            }
            byte[] want = rebuilt.bytes();
            byte[] got = stored.get().bytes();
            for (int i = 0; i < Tile.NODES; i++) {
                int at = i * hasher.size();
                if (!MessageDigest.isEqual(
                        java.util.Arrays.copyOfRange(want, at, at + hasher.size()),
                        java.util.Arrays.copyOfRange(got, at, at + hasher.size()))) {
                    int level = 0;
                    int offset = i;
                    while (offset >= (Tile.LEAVES >> level)) {
                        offset -= Tile.LEAVES >> level;
                        level++;
                    }
                    long seq = first + ((long) offset << level);
                    fail(
                            seq,
                            level == 0
                                    ? "the stored tile " + index + " holds another leaf hash for record " + seq
                                            + ": record " + seq + " was altered together with its stored hash"
                                    : "a stored node of tile " + index + " (level " + level + ", over records " + seq
                                            + " to " + (seq + (1L << level) - 1) + ") was altered");
                }
            }
        }

        void checkHeadsAt(long size) {
            while (nextHead < heads.size() && heads.get(nextHead).treeSize() == size) {
                SignedTreeHead head = heads.get(nextHead++);
                if (!MessageDigest.isEqual(range.root(), head.rootHash())) {
                    long from = signedSize;
                    fail(
                            from,
                            "records " + from + " to " + (size - 1) + " no longer produce the root signed for size "
                                    + size + ": a record in that range was altered together with its stored hash");
                }
                signedSize = size;
            }
        }

        LogVerification failedHead(SignedTreeHead head, String why) {
            return new LogVerification(false, 0, "", 0, OptionalLong.empty(), why, List.of());
        }

        void fail(long seq, String why) {
            throw new Found(new LogVerification(
                    false, expected, HEX.formatHex(range.root()), signedSize, OptionalLong.of(seq), why, List.of()));
        }

        LogVerification finish() {
            List<String> notes = new ArrayList<>();
            if (nextHead < heads.size()) {
                SignedTreeHead beyond = heads.get(nextHead);
                return new LogVerification(
                        false,
                        expected,
                        HEX.formatHex(range.root()),
                        signedSize,
                        OptionalLong.of(expected),
                        "a tree head was signed for size " + beyond.treeSize() + " but the log ends at " + expected
                                + ": records from " + expected + " were deleted",
                        notes);
            }
            if (expected > signedSize) {
                notes.add((expected - signedSize) + " record(s) after the latest signed tree head (size " + signedSize
                        + ") are not yet covered by a signature; the node signs them when it next runs");
            }
            if (heads.isEmpty()) {
                notes.add("the log has no signed tree head yet");
            }
            return new LogVerification(
                    true, expected, HEX.formatHex(range.root()), signedSize, OptionalLong.empty(), "", notes);
        }
    }
}
