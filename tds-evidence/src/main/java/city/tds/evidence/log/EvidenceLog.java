package city.tds.evidence.log;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.merkle.MerkleProofs;
import city.tds.evidence.merkle.Tile;
import city.tds.evidence.merkle.TiledTree;
import city.tds.evidence.receipt.Receipt;
import city.tds.evidence.record.EvidenceRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The node's evidence log: an append-only Merkle tree of {@link EvidenceRecord}s in the RFC 9162 shape.
 *
 * <p>Writes: business transactions queue records through {@link #recorder()}; {@link #sequenceBatch()} numbers queued
 * records and integrates them into the tree in its own transaction (the background {@link EvidenceWorker} calls it,
 * under a lease, so one replica sequences at a time). Reads: tree heads, proofs, records and receipts, from any
 * replica.
 */
public final class EvidenceLog {

    private final EvidenceStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final SigningKeyPair key;
    private final Clock clock;
    private final EvidenceSettings settings;
    private final MerkleHasher hasher;
    private final TiledTree tree;
    private final MerkleProofs proofs;
    private final EvidenceRecorder recorder;
    private final Object sequenced = new Object();
    private volatile Runnable wakeSequencer = () -> {};

    public EvidenceLog(
            EvidenceStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            SigningKeyPair key,
            Clock clock,
            EvidenceSettings settings) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.key = key;
        this.clock = clock;
        this.settings = settings;
        this.hasher = new MerkleHasher(suite);
        this.tree = new TiledTree(hasher, this::loadTile, settings.cachedTiles());
        this.proofs = new MerkleProofs(hasher, tree);
        this.recorder = new QueueingEvidenceRecorder(
                store,
                unitOfWork,
                suite,
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                () -> wakeSequencer.run());
        long size = store.size();
        long completeTiles = size / Tile.LEAVES;
        List<byte[]> roots = store.tileRoots(0);
        if (roots.size() != completeTiles) {
            throw new IllegalStateException(
                    "the evidence log has " + size + " leaves but " + roots.size() + " tiles: run tds evidence verify");
        }
        List<byte[]> tail = store.leaves(completeTiles * Tile.LEAVES, size).stream()
                .map(StoredLeaf::leafHash)
                .toList();
        tree.load(roots, tail);
    }

    /** The one way to write this log. */
    public EvidenceRecorder recorder() {
        return recorder;
    }

    public CryptoSuite suite() {
        return suite;
    }

    public MerkleHasher hasher() {
        return hasher;
    }

    public SigningKeyPair key() {
        return key;
    }

    EvidenceSettings settings() {
        return settings;
    }

    void onRecord(Runnable wake) {
        this.wakeSequencer = wake;
    }

    /** Numbers up to one batch of queued records and integrates them. Returns how many. */
    public synchronized int sequenceBatch() {
        refresh();
        long first = tree.size();
        List<byte[]> leafHashes = new ArrayList<>();
        List<Tile> tiles = new ArrayList<>();
        int count = unitOfWork.inTransaction(tx -> {
            List<QueuedEvent> queued = store.queued(settings.batchSize());
            if (queued.isEmpty()) {
                return 0;
            }
            List<EvidenceStore.Sequenced> leaves = new ArrayList<>(queued.size());
            long seq = first;
            for (QueuedEvent event : queued) {
                EvidenceRecord record = new EvidenceRecord(
                        seq,
                        event.type(),
                        event.occurredAt(),
                        event.actorParticipant(),
                        event.actorUser(),
                        event.subjects(),
                        event.parties(),
                        event.payloadDigest());
                byte[] entry = record.canonicalBytes();
                byte[] leafHash = hasher.leaf(entry);
                leafHashes.add(leafHash);
                leaves.add(new EvidenceStore.Sequenced(
                        seq,
                        event.queueId(),
                        event.ticket(),
                        event.type(),
                        record.time(),
                        new String(entry, java.nio.charset.StandardCharsets.UTF_8),
                        leafHash,
                        record.subjects(),
                        record.parties()));
                seq++;
            }
            tiles.addAll(tree.prepare(leafHashes));
            store.integrate(leaves, tiles);
            return queued.size();
        });
        if (count > 0) {
            tree.commit(first, leafHashes, tiles);
            synchronized (sequenced) {
                sequenced.notifyAll();
            }
        }
        return count;
    }

    /** Catches up with leaves another replica sequenced. */
    public void refresh() {
        synchronized (tree) {
            long known = tree.size();
            long stored = store.size();
            if (stored <= known) {
                return;
            }
            List<byte[]> hashes = store.leaves(known, stored).stream()
                    .map(StoredLeaf::leafHash)
                    .toList();
            tree.commit(known, hashes, tree.prepare(hashes));
        }
    }

    /** Number of leaves in the tree. */
    public long size() {
        return tree.size();
    }

    public byte[] root(long treeSize) {
        return tree.read(() -> proofs.root(treeSize));
    }

    public Optional<SignedTreeHead> latestTreeHead() {
        return store.latestTreeHead();
    }

    /** Signs a tree head for the current size if the latest one is older, and returns the latest. */
    public synchronized SignedTreeHead signTreeHead() {
        refresh();
        Optional<SignedTreeHead> latest = store.latestTreeHead();
        long size = tree.size();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        byte[] root = root(size);
        Instant now = clock.instant();
        if (latest.isPresent() && now.isBefore(latest.get().timestamp())) {
            now = latest.get().timestamp(); // tree heads never go back in time
        }
        byte[] signature = suite.sign(key, SignedTreeHead.signedBytes(size, now, root));
        SignedTreeHead saved = store.saveTreeHead(new SignedTreeHead(size, now, root, key.keyId(), signature));
        synchronized (sequenced) {
            sequenced.notifyAll();
        }
        return saved;
    }

    /**
     * Waits until a tree head of at least {@code size} is signed (by this replica or another), at most
     * {@code timeout}.
     */
    public Optional<SignedTreeHead> awaitTreeHead(long size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<SignedTreeHead> head = store.latestTreeHead().filter(h -> h.treeSize() >= size);
            long left = deadline - System.nanoTime();
            if (head.isPresent() || left <= 0) {
                return head;
            }
            synchronized (sequenced) {
                sequenced.wait(Math.max(
                        1, Math.min(left / 1_000_000, settings.pollInterval().toMillis())));
            }
        }
    }

    /** Signs a tree head if the tree grew and the latest head is older than the sign interval (or there is none). */
    void signIfDue() {
        Optional<SignedTreeHead> latest = store.latestTreeHead();
        if (latest.isEmpty()
                || (tree.size() > latest.get().treeSize()
                        && !clock.instant().isBefore(latest.get().timestamp().plus(settings.signInterval())))) {
            signTreeHead();
        }
    }

    public Result<InclusionProof> inclusionProof(long seq, long treeSize) {
        if (treeSize > tree.size()) {
            refresh();
        }
        return tree.read(() -> {
            long size = tree.size();
            if (treeSize < 1 || treeSize > size) {
                return Result.fail(Problem.invalidInput(
                        "tree-size-out-of-range", "tree size " + treeSize + " is not between 1 and " + size));
            }
            if (seq < 0 || seq >= treeSize) {
                return Result.fail(Problem.invalidInput(
                        "leaf-out-of-range", "sequence number " + seq + " is not in a tree of size " + treeSize));
            }
            return Result.ok(new InclusionProof(seq, treeSize, tree.hash(0, seq), proofs.inclusion(seq, treeSize)));
        });
    }

    public Result<ConsistencyProof> consistencyProof(long first, long second) {
        if (second > tree.size()) {
            refresh();
        }
        return tree.read(() -> {
            long size = tree.size();
            if (first < 0 || second < 0) {
                return Result.fail(Problem.invalidInput("negative-tree-size", "tree sizes cannot be negative"));
            }
            if (first > second) {
                return Result.fail(Problem.invalidInput(
                        "reversed-range", "the first size " + first + " is larger than the second " + second));
            }
            if (second > size) {
                return Result.fail(Problem.invalidInput(
                        "tree-size-out-of-range", "tree size " + second + " is beyond the log's " + size));
            }
            return Result.ok(new ConsistencyProof(first, second, proofs.consistency(first, second)));
        });
    }

    public Optional<StoredLeaf> leaf(long seq) {
        return store.leaf(seq);
    }

    public List<Long> search(String subject, String type, String party, long afterSeq, int limit) {
        return store.search(subject, type, party, afterSeq, limit);
    }

    /** A self-contained receipt for the record at {@code seq}, signing a new tree head if none covers it yet. */
    public Result<Receipt> receipt(long seq) {
        Optional<StoredLeaf> leaf = store.leaf(seq);
        if (leaf.isEmpty()) {
            return Result.fail(Problem.notFound("no-such-record", "no evidence record has sequence number " + seq));
        }
        SignedTreeHead head =
                store.latestTreeHead().filter(h -> h.treeSize() > seq).orElseGet(this::signTreeHead);
        return inclusionProof(seq, head.treeSize())
                .map(proof -> new Receipt(suite.id(), leaf.get().record(), proof.path(), head, key.publicKey()));
    }

    /**
     * Waits until the record queued under {@code ticket} has its sequence number, at most {@code timeout}.
     *
     * @return the sequence number, or empty if it was not sequenced in time
     */
    public OptionalLong awaitSequenced(EvidenceTicket ticket, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            OptionalLong seq = store.seqOfTicket(ticket.id());
            long left = deadline - System.nanoTime();
            if (seq.isPresent() || left <= 0) {
                return seq;
            }
            wakeSequencer.run();
            synchronized (sequenced) {
                sequenced.wait(Math.max(
                        1, Math.min(left / 1_000_000, settings.pollInterval().toMillis())));
            }
        }
    }

    private Tile loadTile(long index) {
        return store.tile(index)
                .orElseThrow(() -> new IllegalStateException("tile " + index + " is missing: run tds evidence verify"));
    }
}
