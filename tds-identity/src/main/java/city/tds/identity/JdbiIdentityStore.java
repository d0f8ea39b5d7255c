package city.tds.identity;

import city.tds.core.identity.Role;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;

/** {@link IdentityStore} on the {@code identity_*} tables, through the unit of work. */
public final class JdbiIdentityStore implements IdentityStore {

    private final JdbiUnitOfWork db;

    public JdbiIdentityStore(Database database) {
        this.db = database.unitOfWork();
    }

    private static final String APPLICATION_COLUMNS = "id, status, organization_name, credit_code, organization_type,"
            + " industry, contact_name, contact_phone, contact_email, requested_roles, admin_username, connector_key,"
            + " decision_reason, participant_id, submitted_at, decided_at, decided_by";

    @Override
    public void insertApplication(Application a, String adminPasswordHash, String statusTokenHash) {
        db.withHandle(h -> bindApplication(
                        h.createUpdate("INSERT INTO identity_application (" + APPLICATION_COLUMNS
                                + ", admin_password_hash, status_token_hash) VALUES (:id, :status, :name, :code, :type,"
                                + " :industry, :contactName, :contactPhone, :contactEmail, :roles, :adminUsername,"
                                + " :connectorKey, :reason, :participantId, :submittedAt, :decidedAt, :decidedBy,"
                                + " :passwordHash, :tokenHash)"),
                        a)
                .bind("passwordHash", adminPasswordHash)
                .bind("tokenHash", statusTokenHash)
                .execute());
    }

    @Override
    public void updateApplication(Application a) {
        db.withHandle(h -> bindApplication(
                        h.createUpdate("UPDATE identity_application SET status = :status, organization_name = :name,"
                                + " credit_code = :code, organization_type = :type, industry = :industry,"
                                + " contact_name = :contactName, contact_phone = :contactPhone,"
                                + " contact_email = :contactEmail, requested_roles = :roles,"
                                + " admin_username = :adminUsername, connector_key = :connectorKey,"
                                + " decision_reason = :reason, participant_id = :participantId,"
                                + " submitted_at = :submittedAt, decided_at = :decidedAt, decided_by = :decidedBy"
                                + " WHERE id = :id"),
                        a)
                .execute());
    }

    private static Update bindApplication(Update update, Application a) {
        return update.bind("id", a.id())
                .bind("status", a.status().name())
                .bind("name", a.organizationName())
                .bind("code", a.creditCode().value())
                .bind("type", a.organizationType().name())
                .bind("industry", a.industry())
                .bind("contactName", a.contact().name())
                .bind("contactPhone", a.contact().phone())
                .bind("contactEmail", a.contact().email())
                .bind("roles", join(a.requestedRoles()))
                .bind("adminUsername", a.adminUsername())
                .bind("connectorKey", a.connectorKey())
                .bind("reason", a.decisionReason())
                .bind("participantId", a.participantId())
                .bind("submittedAt", Timestamps.toDb(a.submittedAt()))
                .bind("decidedAt", a.decidedAt() == null ? null : Timestamps.toDb(a.decidedAt()))
                .bind("decidedBy", a.decidedBy());
    }

    @Override
    public Optional<Application> application(String id) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + APPLICATION_COLUMNS + " FROM identity_application WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> application(rs, documents(id)))
                        .findOne());
    }

    @Override
    public List<Application> applications(ApplicationStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        List<String> ids = db.withHandle(h -> {
            var query = h.createQuery(
                            "SELECT id FROM identity_application" + where + " ORDER BY submitted_at LIMIT :limit")
                    .bind("limit", limit);
            if (status != null) {
                query.bind("status", status.name());
            }
            return query.mapTo(String.class).list();
        });
        List<Application> out = new ArrayList<>();
        for (String id : ids) {
            application(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Application> openApplicationFor(String creditCode) {
        return db.withHandle(h -> h.createQuery("SELECT id FROM identity_application WHERE credit_code = :code"
                                + " AND status IN ('SUBMITTED', 'MORE_INFO_REQUESTED')")
                        .bind("code", creditCode)
                        .mapTo(String.class)
                        .findFirst())
                .flatMap(this::application);
    }

    @Override
    public Optional<ApplicationSecrets> applicationSecrets(String id) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT admin_password_hash, status_token_hash FROM" + " identity_application WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) ->
                        new ApplicationSecrets(rs.getString("admin_password_hash"), rs.getString("status_token_hash")))
                .findOne());
    }

    private List<Application.DocumentInfo> documents(String applicationId) {
        return db.withHandle(h -> h.createQuery("SELECT id, name, media_type, size_bytes, digest FROM"
                        + " identity_document WHERE application_id = :id ORDER BY name, id")
                .bind("id", applicationId)
                .map((rs, ctx) -> new Application.DocumentInfo(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("digest")))
                .list());
    }

    @Override
    public void insertDocument(String applicationId, Application.DocumentInfo info, byte[] content) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_document (id, application_id, name, media_type,"
                        + " size_bytes, digest, content) VALUES (:id, :app, :name, :type, :size, :digest, :content)")
                .bind("id", info.id())
                .bind("app", applicationId)
                .bind("name", info.name())
                .bind("type", info.mediaType())
                .bind("size", info.size())
                .bind("digest", info.digest())
                .bind("content", content)
                .execute());
    }

    @Override
    public Optional<byte[]> documentContent(String applicationId, String documentId) {
        return db.withHandle(
                h -> h.createQuery("SELECT content FROM identity_document WHERE application_id = :app AND id = :id")
                        .bind("app", applicationId)
                        .bind("id", documentId)
                        .mapTo(byte[].class)
                        .findOne());
    }

    private static final String PARTICIPANT_COLUMNS =
            "id, name, credit_code, organization_type, industry, roles, status, status_reason, joined_at";

    @Override
    public void insertParticipant(Participant p) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_participant (" + PARTICIPANT_COLUMNS + ") VALUES"
                        + " (:id, :name, :code, :type, :industry, :roles, :status, :reason, :joinedAt)")
                .bind("id", p.id())
                .bind("name", p.name())
                .bind("code", p.creditCode().value())
                .bind("type", p.organizationType().name())
                .bind("industry", p.industry())
                .bind("roles", join(p.roles()))
                .bind("status", p.status().name())
                .bind("reason", p.statusReason())
                .bind("joinedAt", Timestamps.toDb(p.joinedAt()))
                .execute());
    }

    @Override
    public void updateParticipant(Participant p) {
        db.withHandle(h -> h.createUpdate("UPDATE identity_participant SET status = :status, status_reason = :reason,"
                        + " roles = :roles WHERE id = :id")
                .bind("id", p.id())
                .bind("status", p.status().name())
                .bind("reason", p.statusReason())
                .bind("roles", join(p.roles()))
                .execute());
    }

    @Override
    public Optional<Participant> participant(String id) {
        return participantWhere("id = :v", id).stream().findFirst();
    }

    @Override
    public Optional<Participant> participantByCreditCode(String creditCode) {
        return participantWhere("credit_code = :v", creditCode).stream().findFirst();
    }

    @Override
    public List<Participant> participants() {
        return participantWhere("1 = 1 OR :v IS NULL", null);
    }

    private List<Participant> participantWhere(String condition, String value) {
        return db.withHandle(h -> h.createQuery("SELECT " + PARTICIPANT_COLUMNS + " FROM identity_participant WHERE "
                        + condition + " ORDER BY joined_at, id")
                .bind("v", value)
                .map((rs, ctx) -> new Participant(
                        rs.getString("id"),
                        rs.getString("name"),
                        new CreditCode(rs.getString("credit_code")),
                        OrganizationType.valueOf(rs.getString("organization_type")),
                        rs.getString("industry"),
                        enums(rs.getString("roles"), ParticipantRole.class),
                        Participant.Status.valueOf(rs.getString("status")),
                        rs.getString("status_reason"),
                        Timestamps.read(rs, "joined_at")))
                .list());
    }

    private static final String USER_COLUMNS =
            "id, participant_id, username, password_hash, roles, failed_logins, locked_at, created_at";

    @Override
    public void insertUser(UserAccount u) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_user (" + USER_COLUMNS + ") VALUES (:id,"
                        + " :participantId, :username, :hash, :roles, :failed, :lockedAt, :createdAt)")
                .bind("id", u.id())
                .bind("participantId", u.participantId())
                .bind("username", u.username())
                .bind("hash", u.passwordHash())
                .bind("roles", join(u.roles()))
                .bind("failed", u.failedLogins())
                .bind("lockedAt", u.lockedAt() == null ? null : Timestamps.toDb(u.lockedAt()))
                .bind("createdAt", Timestamps.toDb(u.createdAt()))
                .execute());
    }

    @Override
    public void updateUser(UserAccount u) {
        db.withHandle(h -> h.createUpdate("UPDATE identity_user SET password_hash = :hash, roles = :roles,"
                        + " failed_logins = :failed, locked_at = :lockedAt WHERE id = :id")
                .bind("id", u.id())
                .bind("hash", u.passwordHash())
                .bind("roles", join(u.roles()))
                .bind("failed", u.failedLogins())
                .bind("lockedAt", u.lockedAt() == null ? null : Timestamps.toDb(u.lockedAt()))
                .execute());
    }

    @Override
    public Optional<UserAccount> user(String id) {
        return userWhere("id = :v", id).stream().findFirst();
    }

    @Override
    public Optional<UserAccount> userByUsername(String username) {
        return userWhere("username = :v", username).stream().findFirst();
    }

    @Override
    public List<UserAccount> users(String participantId) {
        return participantId == null
                ? userWhere("participant_id IS NULL AND (:v IS NULL)", null)
                : userWhere("participant_id = :v", participantId);
    }

    private List<UserAccount> userWhere(String condition, String value) {
        return db.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM identity_user WHERE " + condition
                        + " ORDER BY created_at, id")
                .bind("v", value)
                .map((rs, ctx) -> new UserAccount(
                        rs.getString("id"),
                        rs.getString("participant_id"),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        enums(rs.getString("roles"), Role.class),
                        rs.getInt("failed_logins"),
                        Timestamps.read(rs, "locked_at"),
                        Timestamps.read(rs, "created_at")))
                .list());
    }

    @Override
    public void insertClient(ClientKey c) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_client (client_id, participant_id, public_key,"
                        + " registered_at) VALUES (:id, :participant, :key, :at)")
                .bind("id", c.clientId())
                .bind("participant", c.participantId())
                .bind("key", c.publicKey())
                .bind("at", Timestamps.toDb(c.registeredAt()))
                .execute());
    }

    @Override
    public Optional<ClientKey> client(String clientId) {
        return clientWhere("client_id = :v", clientId).stream().findFirst();
    }

    @Override
    public List<ClientKey> clients(String participantId) {
        return clientWhere("participant_id = :v", participantId);
    }

    private List<ClientKey> clientWhere(String condition, String value) {
        return db.withHandle(h -> h.createQuery("SELECT client_id, participant_id, public_key, registered_at FROM"
                        + " identity_client WHERE " + condition + " ORDER BY registered_at")
                .bind("v", value)
                .map((rs, ctx) -> new ClientKey(
                        rs.getString("client_id"),
                        rs.getString("participant_id"),
                        rs.getString("public_key"),
                        Timestamps.read(rs, "registered_at")))
                .list());
    }

    @Override
    public void insertRefreshToken(String tokenHash, String userId, Instant expiresAt) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_refresh_token (token_hash, user_id, expires_at)"
                        + " VALUES (:hash, :user, :exp)")
                .bind("hash", tokenHash)
                .bind("user", userId)
                .bind("exp", Timestamps.toDb(expiresAt))
                .execute());
    }

    @Override
    public Optional<String> useRefreshToken(String tokenHash, Instant now) {
        return db.withHandle(h -> {
            int used = h.createUpdate("UPDATE identity_refresh_token SET used_at = :now WHERE token_hash = :hash"
                            + " AND used_at IS NULL AND expires_at > :now")
                    .bind("hash", tokenHash)
                    .bind("now", Timestamps.toDb(now))
                    .execute();
            if (used != 1) {
                return Optional.<String>empty();
            }
            return h.createQuery("SELECT user_id FROM identity_refresh_token WHERE token_hash = :hash")
                    .bind("hash", tokenHash)
                    .mapTo(String.class)
                    .findOne();
        });
    }

    @Override
    public boolean rememberAssertion(String jti, Instant expiresAt, Instant now) {
        return db.withHandle(h -> {
            h.createUpdate("DELETE FROM identity_assertion WHERE expires_at < :now")
                    .bind("now", Timestamps.toDb(now))
                    .execute();
            return h.createUpdate("INSERT INTO identity_assertion (jti, expires_at) VALUES (:jti, :exp)"
                                    + " ON CONFLICT DO NOTHING")
                            .bind("jti", jti)
                            .bind("exp", Timestamps.toDb(expiresAt))
                            .execute()
                    == 1;
        });
    }

    private static final String CREDENTIAL_COLUMNS =
            "id, participant_id, status_index, jwt, issued_at, expires_at," + " revoked_at, revocation_reason";

    @Override
    public void insertCredential(IssuedCredential c) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_credential (" + CREDENTIAL_COLUMNS + ") VALUES (:id,"
                        + " :participant, :index, :jwt, :issued, :expires, NULL, NULL)")
                .bind("id", c.id())
                .bind("participant", c.participantId())
                .bind("index", c.statusIndex())
                .bind("jwt", c.jwt())
                .bind("issued", Timestamps.toDb(c.issuedAt()))
                .bind("expires", Timestamps.toDb(c.expiresAt()))
                .execute());
    }

    @Override
    public Optional<IssuedCredential> latestCredential(String participantId) {
        return db.withHandle(h -> h.createQuery("SELECT " + CREDENTIAL_COLUMNS + " FROM identity_credential WHERE"
                        + " participant_id = :p ORDER BY issued_at DESC, status_index DESC LIMIT 1")
                .bind("p", participantId)
                .map((rs, ctx) -> credential(rs))
                .findOne());
    }

    @Override
    public void revokeCredential(String credentialId, Instant at, String reason) {
        db.withHandle(h -> h.createUpdate("UPDATE identity_credential SET revoked_at = :at, revocation_reason ="
                        + " :reason WHERE id = :id AND revoked_at IS NULL")
                .bind("id", credentialId)
                .bind("at", Timestamps.toDb(at))
                .bind("reason", reason)
                .execute());
    }

    @Override
    public int nextStatusIndex() {
        return db.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(status_index) + 1, 0) FROM identity_credential")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<Integer> revokedStatusIndexes() {
        return db.withHandle(
                h -> h.createQuery("SELECT status_index FROM identity_credential WHERE revoked_at IS NOT NULL")
                        .mapTo(Integer.class)
                        .list());
    }

    @Override
    public void insertIssuer(TrustedIssuer i) {
        db.withHandle(h -> h.createUpdate("INSERT INTO identity_trusted_issuer (issuer_id, name, suite, public_key,"
                        + " added_at, added_by) VALUES (:id, :name, :suite, :key, :at, :by)")
                .bind("id", i.issuerId())
                .bind("name", i.name())
                .bind("suite", i.suite())
                .bind("key", i.publicKey())
                .bind("at", Timestamps.toDb(i.addedAt()))
                .bind("by", i.addedBy())
                .execute());
    }

    @Override
    public boolean deleteIssuer(String issuerId) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM identity_trusted_issuer WHERE issuer_id = :id")
                        .bind("id", issuerId)
                        .execute())
                == 1;
    }

    @Override
    public Optional<TrustedIssuer> issuer(String issuerId) {
        return issuers().stream().filter(i -> i.issuerId().equals(issuerId)).findFirst();
    }

    @Override
    public List<TrustedIssuer> issuers() {
        return db.withHandle(h -> h.createQuery("SELECT issuer_id, name, suite, public_key, added_at, added_by FROM"
                        + " identity_trusted_issuer ORDER BY added_at, issuer_id")
                .map((rs, ctx) -> new TrustedIssuer(
                        rs.getString("issuer_id"),
                        rs.getString("name"),
                        rs.getString("suite"),
                        rs.getString("public_key"),
                        Timestamps.read(rs, "added_at"),
                        rs.getString("added_by")))
                .list());
    }

    private static IssuedCredential credential(ResultSet rs) throws SQLException {
        return new IssuedCredential(
                rs.getString("id"),
                rs.getString("participant_id"),
                rs.getInt("status_index"),
                rs.getString("jwt"),
                Timestamps.read(rs, "issued_at"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "revoked_at"),
                rs.getString("revocation_reason"));
    }

    private static Application application(ResultSet rs, List<Application.DocumentInfo> documents) throws SQLException {
        return new Application(
                rs.getString("id"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("organization_name"),
                new CreditCode(rs.getString("credit_code")),
                OrganizationType.valueOf(rs.getString("organization_type")),
                rs.getString("industry"),
                new Application.Contact(
                        rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email")),
                enums(rs.getString("requested_roles"), ParticipantRole.class),
                rs.getString("admin_username"),
                rs.getString("connector_key"),
                documents,
                rs.getString("decision_reason"),
                rs.getString("participant_id"),
                Timestamps.read(rs, "submitted_at"),
                Timestamps.read(rs, "decided_at"),
                rs.getString("decided_by"));
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String joined, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(v -> Enum.valueOf(type, v)).forEach(out::add);
        }
        return out;
    }
}
