package city.tds.dataplane.serve;

import city.tds.dataplane.stream.ContentDigest;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.time.Instant;
import java.util.Optional;

/** What a provider finished delivering, per transfer, in table {@code dp_delivery}. */
public final class DeliveryStore {

    /** A finished delivery. */
    public record Delivered(
            String transferId, String agreementId, String consumerId, ContentDigest.Checksum checksum, Instant at) {}

    private final JdbiUnitOfWork db;

    public DeliveryStore(Database database) {
        this.db = database.unitOfWork();
    }

    /** Records a finished delivery; false if the transfer's was recorded before. */
    boolean insert(Delivered d) {
        return db.withHandle(h -> h.createUpdate("INSERT INTO dp_delivery (transfer_id, agreement_id, consumer_id,"
                                + " bytes, records, digest, delivered_at) VALUES (:transfer, :agreement, :consumer,"
                                + " :bytes, :records, :digest, :at) ON CONFLICT DO NOTHING")
                        .bind("transfer", d.transferId())
                        .bind("agreement", d.agreementId())
                        .bind("consumer", d.consumerId())
                        .bind("bytes", d.checksum().bytes())
                        .bind("records", d.checksum().records())
                        .bind("digest", d.checksum().labelled())
                        .bind("at", Timestamps.toDb(d.at()))
                        .execute())
                == 1;
    }

    public Optional<Delivered> find(String transferId) {
        return db.withHandle(h -> h.createQuery("SELECT transfer_id, agreement_id, consumer_id, bytes, records, digest,"
                        + " delivered_at FROM dp_delivery WHERE transfer_id = :transfer")
                .bind("transfer", transferId)
                .map((rs, ctx) -> {
                    String labelled = rs.getString("digest");
                    int colon = labelled.indexOf(':');
                    return new Delivered(
                            rs.getString("transfer_id"),
                            rs.getString("agreement_id"),
                            rs.getString("consumer_id"),
                            new ContentDigest.Checksum(
                                    labelled.substring(0, colon).toUpperCase(java.util.Locale.ROOT),
                                    labelled.substring(colon + 1),
                                    rs.getLong("bytes"),
                                    rs.getLong("records")),
                            Timestamps.read(rs, "delivered_at"));
                })
                .findOne());
    }
}
