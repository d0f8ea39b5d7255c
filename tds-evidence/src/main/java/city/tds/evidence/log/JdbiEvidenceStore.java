package city.tds.evidence.log;

import city.tds.evidence.merkle.Tile;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/** {@link EvidenceStore} on the {@code evidence_*} tables, through the unit of work. */
public final class JdbiEvidenceStore implements EvidenceStore {

    private static final int STREAM_FETCH = 2_000;

    private final JdbiUnitOfWork db;
    private final int hashSize;

    public JdbiEvidenceStore(Database database, int hashSize) {
        this.db = database.unitOfWork();
        this.hashSize = hashSize;
    }

    @Override
    public void enqueue(List<QueuedEvent> events) {
        db.withHandle(h -> {
            try (PreparedStatement insert = h.getConnection()
                    .prepareStatement("INSERT INTO evidence_queue (ticket, event_type, occurred_at, actor_participant,"
                            + " actor_user, subjects, parties, payload_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (QueuedEvent event : events) {
                    insert.setString(1, event.ticket());
                    insert.setString(2, event.type());
                    insert.setObject(3, Timestamps.toDb(event.occurredAt()));
                    insert.setString(4, event.actorParticipant());
                    insert.setString(5, event.actorUser());
                    insert.setString(6, String.join("\n", event.subjects()));
                    insert.setString(7, String.join("\n", event.parties()));
                    insert.setString(8, event.payloadDigest());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot queue evidence: " + e.getMessage(), e);
            }
            return null;
        });
    }

    @Override
    public List<QueuedEvent> queued(int limit) {
        return db.withHandle(h -> h.createQuery("SELECT queue_id, ticket, event_type, occurred_at, actor_participant,"
                        + " actor_user, subjects, parties, payload_digest FROM evidence_queue ORDER BY queue_id"
                        + " LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new QueuedEvent(
                        rs.getLong("queue_id"),
                        rs.getString("ticket"),
                        rs.getString("event_type"),
                        Timestamps.read(rs, "occurred_at"),
                        rs.getString("actor_participant"),
                        rs.getString("actor_user"),
                        lines(rs.getString("subjects")),
                        lines(rs.getString("parties")),
                        rs.getString("payload_digest")))
                .list());
    }

    @Override
    public void integrate(List<Sequenced> leaves, List<Tile> completedTiles) {
        db.withHandle(h -> {
            Connection c = h.getConnection();
            try (PreparedStatement leaf = c.prepareStatement("INSERT INTO evidence_leaf (seq, ticket, event_type,"
                            + " occurred_at, entry, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement subject =
                            c.prepareStatement("INSERT INTO evidence_subject (subject, seq) VALUES (?, ?)");
                    PreparedStatement party =
                            c.prepareStatement("INSERT INTO evidence_party (participant, seq) VALUES (?, ?)");
                    PreparedStatement dequeue = c.prepareStatement("DELETE FROM evidence_queue WHERE queue_id = ?")) {
                boolean subjects = false;
                boolean parties = false;
                for (Sequenced l : leaves) {
                    leaf.setLong(1, l.seq());
                    leaf.setString(2, l.ticket());
                    leaf.setString(3, l.type());
                    leaf.setObject(4, Timestamps.toDb(l.occurredAt()));
                    leaf.setString(5, l.entry());
                    leaf.setBytes(6, l.leafHash());
                    leaf.addBatch();
                    for (String s : l.subjects().stream().distinct().toList()) {
                        subject.setString(1, s);
                        subject.setLong(2, l.seq());
                        subject.addBatch();
                        subjects = true;
                    }
                    for (String p : l.parties()) {
                        party.setString(1, p);
                        party.setLong(2, l.seq());
                        party.addBatch();
                        parties = true;
                    }
                    dequeue.setLong(1, l.queueId());
                    dequeue.addBatch();
                }
                leaf.executeBatch();
                if (subjects) {
                    subject.executeBatch();
                }
                if (parties) {
                    party.executeBatch();
                }
                for (int removed : dequeue.executeBatch()) {
                    if (removed == 0) {
                        throw new IllegalStateException("a queued record was sequenced twice");
                    }
                }
                if (!completedTiles.isEmpty()) {
                    try (PreparedStatement tile = c.prepareStatement(
                            "INSERT INTO evidence_tile (tile_index, root_hash, nodes) VALUES (?, ?, ?)")) {
                        for (Tile t : completedTiles) {
                            tile.setLong(1, t.index());
                            tile.setBytes(2, t.root());
                            tile.setBytes(3, t.bytes());
                            tile.addBatch();
                        }
                        tile.executeBatch();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot integrate evidence: " + e.getMessage(), e);
            }
            return null;
        });
    }

    @Override
    public long size() {
        return db.withHandle(h -> h.createQuery("SELECT MAX(seq) FROM evidence_leaf")
                .mapTo(Long.class)
                .findOne()
                .map(max -> max + 1)
                .orElse(0L));
    }

    @Override
    public Optional<StoredLeaf> leaf(long seq) {
        return db.withHandle(
                h -> h.createQuery("SELECT seq, ticket, entry, leaf_hash FROM evidence_leaf WHERE seq = :seq")
                        .bind("seq", seq)
                        .map((rs, ctx) -> storedLeaf(rs))
                        .findOne());
    }

    @Override
    public List<StoredLeaf> leaves(long from, long to) {
        return db.withHandle(h -> h.createQuery("SELECT seq, ticket, entry, leaf_hash FROM evidence_leaf"
                        + " WHERE seq >= :from AND seq < :to ORDER BY seq")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> storedLeaf(rs))
                .list());
    }

    @Override
    public void forEachLeaf(long from, Consumer<StoredLeaf> consumer) {
        long next = from;
        while (true) {
            long start = next;
            List<StoredLeaf> page = db.withHandle(h -> h.createQuery("SELECT seq, ticket, entry, leaf_hash"
                            + " FROM evidence_leaf WHERE seq >= :from ORDER BY seq LIMIT :n")
                    .bind("from", start)
                    .bind("n", STREAM_FETCH)
                    .map((rs, ctx) -> storedLeaf(rs))
                    .list());
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            next = page.get(page.size() - 1).seq() + 1;
        }
    }

    @Override
    public OptionalLong seqOfTicket(String ticket) {
        return db.withHandle(h -> h.createQuery("SELECT seq FROM evidence_leaf WHERE ticket = :ticket")
                .bind("ticket", ticket)
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
    }

    @Override
    public List<byte[]> tileRoots(long fromTile) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT root_hash FROM evidence_tile WHERE tile_index >= :from" + " ORDER BY tile_index")
                .bind("from", fromTile)
                .map((rs, ctx) -> rs.getBytes("root_hash"))
                .list());
    }

    @Override
    public Optional<Tile> tile(long tileIndex) {
        return db.withHandle(h -> h.createQuery("SELECT tile_index, nodes FROM evidence_tile WHERE tile_index = :i")
                .bind("i", tileIndex)
                .map((rs, ctx) -> new Tile(rs.getLong("tile_index"), hashSize, rs.getBytes("nodes")))
                .findOne());
    }

    @Override
    public SignedTreeHead saveTreeHead(SignedTreeHead head) {
        return db.withHandle(h -> {
            h.createUpdate("INSERT INTO evidence_tree_head (tree_size, signed_at, root_hash, key_id, signature)"
                            + " VALUES (:size, :at, :root, :keyId, :signature) ON CONFLICT DO NOTHING")
                    .bind("size", head.treeSize())
                    .bind("at", Timestamps.toDb(head.timestamp()))
                    .bind("root", head.rootHash())
                    .bind("keyId", head.keyId())
                    .bind("signature", head.signature())
                    .execute();
            return treeHeads(h.createQuery(TREE_HEADS + " WHERE tree_size = :size")
                            .bind("size", head.treeSize()))
                    .get(0);
        });
    }

    private static final String TREE_HEADS =
            "SELECT tree_size, signed_at, root_hash, key_id, signature FROM evidence_tree_head";

    @Override
    public Optional<SignedTreeHead> latestTreeHead() {
        return db.withHandle(h -> treeHeads(h.createQuery(TREE_HEADS + " ORDER BY tree_size DESC LIMIT 1")).stream()
                .findFirst());
    }

    @Override
    public List<SignedTreeHead> treeHeads() {
        return db.withHandle(h -> treeHeads(h.createQuery(TREE_HEADS + " ORDER BY tree_size")));
    }

    private static List<SignedTreeHead> treeHeads(Query query) {
        return query.map((rs, ctx) -> new SignedTreeHead(
                        rs.getLong("tree_size"),
                        Timestamps.read(rs, "signed_at"),
                        rs.getBytes("root_hash"),
                        rs.getString("key_id"),
                        rs.getBytes("signature")))
                .list();
    }

    @Override
    public List<Long> search(String subject, String type, String party, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT l.seq FROM evidence_leaf l");
        if (subject != null) {
            sql.append(" JOIN evidence_subject s ON s.seq = l.seq AND s.subject = :subject");
        }
        if (party != null) {
            sql.append(" JOIN evidence_party p ON p.seq = l.seq AND p.participant = :party");
        }
        sql.append(" WHERE l.seq > :after");
        if (type != null) {
            sql.append(" AND l.event_type = :type");
        }
        sql.append(" ORDER BY l.seq LIMIT :limit");
        return db.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("after", afterSeq).bind("limit", limit);
            if (subject != null) {
                query.bind("subject", subject);
            }
            if (party != null) {
                query.bind("party", party);
            }
            if (type != null) {
                query.bind("type", type);
            }
            return query.mapTo(Long.class).list();
        });
    }

    private static StoredLeaf storedLeaf(ResultSet rs) throws SQLException {
        return new StoredLeaf(
                rs.getLong("seq"), rs.getString("ticket"), rs.getString("entry"), rs.getBytes("leaf_hash"));
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : new ArrayList<>(List.of(joined.split("\n", -1)));
    }
}
