package city.tds.dataplane.api;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The API transfers a provider started, in table {@code dp_api_grant}; written in the caller's unit of work. */
public final class ApiGrantStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "transfer_id, agreement_id, consumer_id, recipient_industry,"
            + " recipient_organization_type, recipient_roles, granted_at";

    private final JdbiUnitOfWork db;

    public ApiGrantStore(Database database) {
        this.db = database.unitOfWork();
    }

    /** Keeps {@code grant}; false if its transfer has one already (a resumed transfer keeps the first). */
    public boolean insert(ApiGrant grant) {
        return db.withHandle(h -> h.createUpdate("INSERT INTO dp_api_grant (" + COLUMNS + ") VALUES (:transfer,"
                                + " :agreement, :consumer, :industry, :type, :roles, :at) ON CONFLICT DO NOTHING")
                        .bind("transfer", grant.transferId())
                        .bind("agreement", grant.agreementId())
                        .bind("consumer", grant.consumerId())
                        .bind("industry", grant.industry())
                        .bind("type", grant.organizationType())
                        .bind("roles", write(grant.roles()))
                        .bind("at", Timestamps.toDb(grant.grantedAt()))
                        .execute())
                == 1;
    }

    public Optional<ApiGrant> find(String transferId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_api_grant WHERE transfer_id = :id")
                .bind("id", transferId)
                .map((rs, ctx) -> new ApiGrant(
                        rs.getString("transfer_id"),
                        rs.getString("agreement_id"),
                        rs.getString("consumer_id"),
                        rs.getString("recipient_industry"),
                        rs.getString("recipient_organization_type"),
                        read(rs.getString("recipient_roles")),
                        Timestamps.read(rs, "granted_at")))
                .findOne());
    }

    private static String write(Set<String> roles) {
        try {
            return JSON.writeValueAsString(new TreeSet<>(roles));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> read(String roles) {
        try {
            return JSON.readValue(roles, new TypeReference<Set<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dp_api_grant.recipient_roles is not a JSON array: " + roles, e);
        }
    }
}
