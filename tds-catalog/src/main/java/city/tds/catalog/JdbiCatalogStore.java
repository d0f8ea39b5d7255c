package city.tds.catalog;

import city.tds.policy.DeliveryMode;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;

/** {@link CatalogStore} on the {@code catalog_*} tables, through the unit of work. */
public final class JdbiCatalogStore implements CatalogStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<ResourceField>> FIELDS = new TypeReference<>() {};

    private final JdbiUnitOfWork db;

    public JdbiCatalogStore(Database database) {
        this.db = database.unitOfWork();
    }

    // zones

    private static final String ZONE_COLUMNS = "id, code, name, description, lead_participant_id, listing_rule,"
            + " visibility, viewer_rule, created_at, updated_at";

    @Override
    public void insertZone(Zone z) {
        db.withHandle(h -> bindZone(
                        h.createUpdate("INSERT INTO catalog_zone (" + ZONE_COLUMNS + ") VALUES (:id, :code, :name,"
                                + " :description, :lead, :listingRule, :visibility, :viewerRule, :createdAt,"
                                + " :updatedAt)"),
                        z)
                .execute());
    }

    @Override
    public void updateZone(Zone z) {
        db.withHandle(h -> bindZone(
                        h.createUpdate("UPDATE catalog_zone SET name = :name, description = :description,"
                                + " lead_participant_id = :lead, listing_rule = :listingRule,"
                                + " visibility = :visibility, viewer_rule = :viewerRule, updated_at = :updatedAt"
                                + " WHERE id = :id AND code = :code AND created_at = :createdAt"),
                        z)
                .execute());
    }

    private static Update bindZone(Update u, Zone z) {
        return u.bind("id", z.id())
                .bind("code", z.code())
                .bind("name", z.name())
                .bind("description", z.description())
                .bind("lead", z.leadParticipantId())
                .bind("listingRule", json(z.listingRule()))
                .bind("visibility", z.visibility().name())
                .bind("viewerRule", json(z.viewerRule()))
                .bind("createdAt", Timestamps.toDb(z.createdAt()))
                .bind("updatedAt", Timestamps.toDb(z.updatedAt()));
    }

    @Override
    public Optional<Zone> zone(String id) {
        return zonesWhere("id = :v", id).stream().findFirst();
    }

    @Override
    public Optional<Zone> zoneByCode(String code) {
        return zonesWhere("code = :v", code).stream().findFirst();
    }

    @Override
    public List<Zone> zones() {
        return zonesWhere(null, null);
    }

    private List<Zone> zonesWhere(String condition, String value) {
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT " + ZONE_COLUMNS + " FROM catalog_zone"
                    + (condition == null ? "" : " WHERE " + condition) + " ORDER BY code");
            if (condition != null) {
                q.bind("v", value);
            }
            return q.map((rs, ctx) -> new Zone(
                            rs.getString("id"),
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("description"),
                            rs.getString("lead_participant_id"),
                            read(rs.getString("listing_rule"), ZoneRule.class),
                            ZoneVisibility.valueOf(rs.getString("visibility")),
                            read(rs.getString("viewer_rule"), ZoneRule.class),
                            Timestamps.read(rs, "created_at"),
                            Timestamps.read(rs, "updated_at")))
                    .list();
        });
    }

    // resources

    private static final String RESOURCE_COLUMNS = "id, provider_id, version, title, description, fields, source_kind,"
            + " connector_id, source_id, department, update_frequency, record_count, size_bytes, coverage_from,"
            + " coverage_to, classification, grade, grade_level, grade_proposal, created_at, updated_at";

    @Override
    public void insertResource(DataResource r) {
        db.withHandle(h -> bindResource(
                        h.createUpdate("INSERT INTO catalog_resource (" + RESOURCE_COLUMNS + ") VALUES (:id,"
                                + " :provider, :version, :title, :description, :fields, :sourceKind, :connector,"
                                + " :source, :department, :frequency, :records, :bytes, :from, :to, :classification,"
                                + " :grade, :gradeLevel, :gradeProposal, :createdAt, :updatedAt)"),
                        r)
                .execute());
    }

    @Override
    public void updateResource(DataResource r) {
        db.withHandle(h -> bindResource(
                        h.createUpdate("UPDATE catalog_resource SET version = :version, title = :title,"
                                + " description = :description, fields = :fields, source_kind = :sourceKind,"
                                + " connector_id = :connector, source_id = :source, department = :department,"
                                + " update_frequency = :frequency, record_count = :records, size_bytes = :bytes,"
                                + " coverage_from = :from, coverage_to = :to, classification = :classification,"
                                + " grade = :grade, grade_level = :gradeLevel, grade_proposal = :gradeProposal,"
                                + " updated_at = :updatedAt"
                                + " WHERE id = :id AND provider_id = :provider AND created_at = :createdAt"),
                        r)
                .execute());
    }

    private static Update bindResource(Update u, DataResource r) {
        return u.bind("id", r.id())
                .bind("provider", r.providerId())
                .bind("version", r.version())
                .bind("title", r.title())
                .bind("description", r.description())
                .bind("fields", json(r.fields()))
                .bind("sourceKind", r.sourceKind().name())
                .bind("connector", r.connectorId())
                .bind("source", r.sourceId())
                .bind("department", r.department())
                .bind("frequency", r.updateFrequency().name())
                .bind("records", r.recordCount())
                .bind("bytes", r.sizeBytes())
                .bind("from", r.coverageFrom() == null ? null : Date.valueOf(r.coverageFrom()))
                .bind("to", r.coverageTo() == null ? null : Date.valueOf(r.coverageTo()))
                .bind("classification", r.classification())
                .bind("grade", r.grade() == null ? null : r.grade().name())
                .bind("gradeLevel", r.gradeLevel())
                .bind("gradeProposal", r.gradeProposal() == null ? null : json(r.gradeProposal()))
                .bind("createdAt", Timestamps.toDb(r.createdAt()))
                .bind("updatedAt", Timestamps.toDb(r.updatedAt()));
    }

    @Override
    public Optional<DataResource> resource(String id) {
        return resourcesWhere("id = :a", id, null).stream().findFirst();
    }

    @Override
    public List<DataResource> resources(String providerId) {
        return providerId == null
                ? resourcesWhere(null, null, null)
                : resourcesWhere("provider_id = :a", providerId, null);
    }

    @Override
    public Optional<DataResource> resourceBySource(String connectorId, String sourceId) {
        return resourcesWhere("connector_id = :a AND source_id = :b", connectorId, sourceId).stream()
                .findFirst();
    }

    private List<DataResource> resourcesWhere(String condition, String a, String b) {
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT " + RESOURCE_COLUMNS + " FROM catalog_resource"
                    + (condition == null ? "" : " WHERE " + condition) + " ORDER BY created_at, id");
            if (a != null) {
                q.bind("a", a);
            }
            if (b != null) {
                q.bind("b", b);
            }
            return q.map((rs, ctx) -> new DataResource(
                            rs.getString("id"),
                            rs.getString("provider_id"),
                            rs.getInt("version"),
                            rs.getString("title"),
                            rs.getString("description"),
                            read(rs.getString("fields"), FIELDS),
                            SourceKind.valueOf(rs.getString("source_kind")),
                            rs.getString("connector_id"),
                            rs.getString("source_id"),
                            rs.getString("department"),
                            UpdateFrequency.valueOf(rs.getString("update_frequency")),
                            longOrNull(rs, "record_count"),
                            longOrNull(rs, "size_bytes"),
                            date(rs, "coverage_from"),
                            date(rs, "coverage_to"),
                            rs.getString("classification"),
                            rs.getString("grade") == null ? null : DataGrade.valueOf(rs.getString("grade")),
                            (Integer) rs.getObject("grade_level", Integer.class),
                            rs.getString("grade_proposal") == null
                                    ? null
                                    : read(rs.getString("grade_proposal"), ResourceGrader.GradeSuggestion.class),
                            Timestamps.read(rs, "created_at"),
                            Timestamps.read(rs, "updated_at")))
                    .list();
        });
    }

    // products

    private static final String PRODUCT_COLUMNS =
            "id, provider_id, latest_version, listed_version, registration_code, created_at";

    @Override
    public void insertProduct(DataProduct p) {
        db.withHandle(h -> bindProduct(
                        h.createUpdate("INSERT INTO catalog_product (" + PRODUCT_COLUMNS + ") VALUES (:id, :provider,"
                                + " :latest, :listed, :code, :createdAt)"),
                        p)
                .execute());
    }

    @Override
    public void updateProduct(DataProduct p) {
        db.withHandle(h -> bindProduct(
                        h.createUpdate("UPDATE catalog_product SET latest_version = :latest, listed_version = :listed,"
                                + " registration_code = :code WHERE id = :id AND provider_id = :provider"
                                + " AND created_at = :createdAt"),
                        p)
                .execute());
    }

    private static Update bindProduct(Update u, DataProduct p) {
        return u.bind("id", p.id())
                .bind("provider", p.providerId())
                .bind("latest", p.latestVersion())
                .bind("listed", p.listedVersion())
                .bind(
                        "code",
                        p.registrationCode() == null
                                ? null
                                : p.registrationCode().toString())
                .bind("createdAt", Timestamps.toDb(p.createdAt()));
    }

    @Override
    public Optional<DataProduct> product(String id) {
        return productsWhere("id = :v", id).stream().findFirst();
    }

    @Override
    public List<DataProduct> products(String providerId) {
        return providerId == null ? productsWhere(null, null) : productsWhere("provider_id = :v", providerId);
    }

    private List<DataProduct> productsWhere(String condition, String value) {
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT " + PRODUCT_COLUMNS + " FROM catalog_product"
                    + (condition == null ? "" : " WHERE " + condition) + " ORDER BY created_at, id");
            if (condition != null) {
                q.bind("v", value);
            }
            return q.map((rs, ctx) -> product(rs)).list();
        });
    }

    private static DataProduct product(ResultSet rs) throws SQLException {
        int listed = rs.getInt("listed_version");
        Integer listedVersion = rs.wasNull() ? null : listed;
        String code = rs.getString("registration_code");
        return new DataProduct(
                rs.getString("id"),
                rs.getString("provider_id"),
                rs.getInt("latest_version"),
                listedVersion,
                code == null ? null : RegistrationCode.parse(code).orElseThrow(),
                Timestamps.read(rs, "created_at"));
    }

    // versions

    private static final String VERSION_COLUMNS = "v.product_id, v.version, p.provider_id, v.status, v.name,"
            + " v.description, v.industry, v.keywords, v.product_type, v.resource_ids, v.delivery_modes, v.policy,"
            + " v.pricing_model, v.price_amount, v.currency, v.subscription_period, v.public_data, v.zone_ids,"
            + " v.status_reason, v.notice_ends_at, v.created_at, v.updated_at, v.listed_at";
    private static final String VERSION_FROM =
            " FROM catalog_product_version v JOIN catalog_product p ON p.id = v.product_id";

    @Override
    public void insertVersion(ProductVersion v) {
        db.withHandle(h -> bindVersion(
                        h.createUpdate("INSERT INTO catalog_product_version (product_id, version, status, name,"
                                + " description, industry, keywords, product_type, resource_ids, delivery_modes,"
                                + " policy, pricing_model, price_amount, currency, subscription_period, public_data,"
                                + " zone_ids, status_reason, notice_ends_at, created_at, updated_at, listed_at)"
                                + " VALUES (:productId, :version, :status, :name, :description, :industry,"
                                + " :keywords, :type, :resources, :modes, :policy, :pricing, :amount, :currency,"
                                + " :period, :publicData, :zones, :reason, :noticeEndsAt, :createdAt, :updatedAt,"
                                + " :listedAt)"),
                        v)
                .execute());
    }

    @Override
    public void updateVersion(ProductVersion v) {
        db.withHandle(h -> bindVersion(
                        h.createUpdate("UPDATE catalog_product_version SET status = :status, name = :name,"
                                + " description = :description, industry = :industry, keywords = :keywords,"
                                + " product_type = :type, resource_ids = :resources, delivery_modes = :modes,"
                                + " policy = :policy, pricing_model = :pricing, price_amount = :amount,"
                                + " currency = :currency, subscription_period = :period, public_data = :publicData,"
                                + " zone_ids = :zones, status_reason = :reason, notice_ends_at = :noticeEndsAt,"
                                + " updated_at = :updatedAt, listed_at = :listedAt"
                                + " WHERE product_id = :productId AND version = :version AND created_at = :createdAt"),
                        v)
                .execute());
    }

    @Override
    public boolean updateVersionIfStatus(ProductVersion v, ListingStatus expected) {
        try {
            return conditionalUpdate(v, expected);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (concurrentUpdate(e)) {
                return false;
            }
            throw e;
        }
    }

    /** H2 refuses a write to a row another transaction changed meanwhile; PostgreSQL re-reads it and matches nothing. */
    private static boolean concurrentUpdate(RuntimeException e) {
        return e.getCause() instanceof SQLException sql
                && ("90131".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
    }

    private boolean conditionalUpdate(ProductVersion v, ListingStatus expected) {
        return db.withHandle(h -> bindVersion(
                                h.createUpdate("UPDATE catalog_product_version SET status = :status,"
                                        + " status_reason = :reason, notice_ends_at = :noticeEndsAt,"
                                        + " updated_at = :updatedAt, listed_at = :listedAt WHERE product_id = :productId"
                                        + " AND version = :version AND status = :expected"),
                                v)
                        .bind("expected", expected.name())
                        .execute())
                == 1;
    }

    private static Update bindVersion(Update u, ProductVersion v) {
        return u.bind("productId", v.productId())
                .bind("version", v.version())
                .bind("status", v.status().name())
                .bind("name", v.name())
                .bind("description", v.description())
                .bind("industry", v.industry())
                .bind("keywords", json(v.keywords()))
                .bind("type", v.type().name())
                .bind("resources", json(v.resourceIds()))
                .bind(
                        "modes",
                        v.deliveryModes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("policy", v.policy())
                .bind("pricing", v.price().model().name())
                .bind("amount", v.price().amount())
                .bind("currency", v.price().currency())
                .bind(
                        "period",
                        v.price().period() == null ? null : v.price().period().name())
                .bind("publicData", v.publicData())
                .bind("zones", json(v.zoneIds()))
                .bind("reason", v.statusReason())
                .bind("noticeEndsAt", v.noticeEndsAt() == null ? null : Timestamps.toDb(v.noticeEndsAt()))
                .bind("createdAt", Timestamps.toDb(v.createdAt()))
                .bind("updatedAt", Timestamps.toDb(v.updatedAt()))
                .bind("listedAt", v.listedAt() == null ? null : Timestamps.toDb(v.listedAt()));
    }

    @Override
    public Optional<ProductVersion> version(String productId, int version) {
        return db.withHandle(h -> h.createQuery("SELECT " + VERSION_COLUMNS + VERSION_FROM
                        + " WHERE v.product_id = :id AND v.version = :version")
                .bind("id", productId)
                .bind("version", version)
                .map((rs, ctx) -> version(rs))
                .findOne());
    }

    @Override
    public List<ProductVersion> versions(String productId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT " + VERSION_COLUMNS + VERSION_FROM + " WHERE v.product_id = :id ORDER BY v.version")
                .bind("id", productId)
                .map((rs, ctx) -> version(rs))
                .list());
    }

    @Override
    public List<ProductVersion> versionsIn(ListingStatus status, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + VERSION_COLUMNS + VERSION_FROM
                        + " WHERE v.status = :status ORDER BY v.updated_at, v.product_id LIMIT :limit")
                .bind("status", status.name())
                .bind("limit", limit)
                .map((rs, ctx) -> version(rs))
                .list());
    }

    @Override
    public List<ProductVersion> noticesEndedBy(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + VERSION_COLUMNS + VERSION_FROM
                        + " WHERE v.status = 'IN_NOTICE' AND v.notice_ends_at <= :now"
                        + " ORDER BY v.notice_ends_at, v.product_id LIMIT :limit")
                .bind("now", Timestamps.toDb(now))
                .bind("limit", limit)
                .map((rs, ctx) -> version(rs))
                .list());
    }

    @Override
    public List<ListedProduct> listedProducts(String afterProductId, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + VERSION_COLUMNS + ", v.embedding, p.registration_code"
                        + VERSION_FROM + " WHERE v.status = 'LISTED' AND v.version = p.listed_version"
                        + " AND v.product_id > :after ORDER BY v.product_id LIMIT :limit")
                .bind("after", afterProductId == null ? "" : afterProductId)
                .bind("limit", limit)
                .map((rs, ctx) -> new ListedProduct(
                        version(rs),
                        RegistrationCode.parse(rs.getString("registration_code"))
                                .orElseThrow(),
                        vector(rs.getBytes("embedding"))))
                .list());
    }

    private static ProductVersion version(ResultSet rs) throws SQLException {
        String modes = rs.getString("delivery_modes");
        Set<DeliveryMode> deliveryModes = modes.isEmpty()
                ? Set.of()
                : Arrays.stream(modes.split(","))
                        .map(DeliveryMode::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeliveryMode.class)));
        String period = rs.getString("subscription_period");
        return new ProductVersion(
                rs.getString("product_id"),
                rs.getInt("version"),
                rs.getString("provider_id"),
                ListingStatus.valueOf(rs.getString("status")),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("industry"),
                read(rs.getString("keywords"), STRINGS),
                ProductType.valueOf(rs.getString("product_type")),
                read(rs.getString("resource_ids"), STRINGS),
                deliveryModes,
                rs.getString("policy"),
                new Price(
                        PricingModel.valueOf(rs.getString("pricing_model")),
                        rs.getBigDecimal("price_amount"),
                        rs.getString("currency"),
                        period == null ? null : SubscriptionPeriod.valueOf(period)),
                rs.getBoolean("public_data"),
                read(rs.getString("zone_ids"), STRINGS),
                rs.getString("status_reason"),
                Timestamps.read(rs, "notice_ends_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "listed_at"));
    }

    @Override
    public void saveEmbedding(String productId, int version, float[] embedding) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE catalog_product_version SET embedding = :e WHERE product_id = :id AND version = :v")
                .bind("e", bytes(embedding))
                .bind("id", productId)
                .bind("v", version)
                .execute());
    }

    @Override
    public Optional<float[]> embedding(String productId, int version) {
        return db.withHandle(h -> h.createQuery(
                                "SELECT embedding FROM catalog_product_version WHERE product_id = :id AND version = :v")
                        .bind("id", productId)
                        .bind("v", version)
                        .map((rs, ctx) -> Optional.ofNullable(vector(rs.getBytes("embedding"))))
                        .findOne())
                .flatMap(o -> o);
    }

    // attachments

    @Override
    public void insertAttachment(Attachment a, byte[] content) {
        db.withHandle(h -> h.createUpdate("INSERT INTO catalog_attachment (id, product_id, version, kind, name,"
                        + " media_type, size_bytes, digest, content, added_at) VALUES (:id, :product, :version,"
                        + " :kind, :name, :type, :size, :digest, :content, :addedAt)")
                .bind("id", a.id())
                .bind("product", a.productId())
                .bind("version", a.version())
                .bind("kind", a.kind().name())
                .bind("name", a.name())
                .bind("type", a.mediaType())
                .bind("size", a.sizeBytes())
                .bind("digest", a.digest())
                .bind("content", content)
                .bind("addedAt", Timestamps.toDb(a.addedAt()))
                .execute());
    }

    @Override
    public List<Attachment> attachments(String productId, int version) {
        return db.withHandle(h -> h.createQuery("SELECT id, product_id, version, kind, name, media_type, size_bytes,"
                        + " digest, added_at FROM catalog_attachment WHERE product_id = :id AND version = :v"
                        + " ORDER BY added_at, id")
                .bind("id", productId)
                .bind("v", version)
                .map((rs, ctx) -> new Attachment(
                        rs.getString("id"),
                        rs.getString("product_id"),
                        rs.getInt("version"),
                        AttachmentKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("digest"),
                        Timestamps.read(rs, "added_at")))
                .list());
    }

    @Override
    public Optional<byte[]> attachmentContent(String attachmentId) {
        return db.withHandle(h -> h.createQuery("SELECT content FROM catalog_attachment WHERE id = :id")
                .bind("id", attachmentId)
                .mapTo(byte[].class)
                .findOne());
    }

    // objections

    private static final String OBJECTION_COLUMNS = "id, product_id, version, participant_id, reason, status,"
            + " raised_at, resolution, resolved_by, resolved_at";

    @Override
    public void insertObjection(Objection o) {
        db.withHandle(h -> bindObjection(
                        h.createUpdate("INSERT INTO catalog_objection (" + OBJECTION_COLUMNS + ") VALUES (:id,"
                                + " :product, :version, :participant, :reason, :status, :raisedAt, :resolution,"
                                + " :resolvedBy, :resolvedAt)"),
                        o)
                .execute());
    }

    @Override
    public void updateObjection(Objection o) {
        db.withHandle(h -> bindObjection(
                        h.createUpdate("UPDATE catalog_objection SET status = :status, resolution = :resolution,"
                                + " resolved_by = :resolvedBy, resolved_at = :resolvedAt WHERE id = :id"
                                + " AND product_id = :product AND version = :version AND participant_id = :participant"
                                + " AND reason = :reason AND raised_at = :raisedAt"),
                        o)
                .execute());
    }

    private static Update bindObjection(Update u, Objection o) {
        return u.bind("id", o.id())
                .bind("product", o.productId())
                .bind("version", o.version())
                .bind("participant", o.participantId())
                .bind("reason", o.reason())
                .bind("status", o.status().name())
                .bind("raisedAt", Timestamps.toDb(o.raisedAt()))
                .bind("resolution", o.resolution())
                .bind("resolvedBy", o.resolvedBy())
                .bind("resolvedAt", o.resolvedAt() == null ? null : Timestamps.toDb(o.resolvedAt()));
    }

    @Override
    public Optional<Objection> objection(String id) {
        return objectionsWhere("id = :a", id, null).stream().findFirst();
    }

    @Override
    public List<Objection> objections(String productId, int version) {
        return objectionsWhere("product_id = :a AND version = :b", productId, version);
    }

    private List<Objection> objectionsWhere(String condition, String a, Integer b) {
        return db.withHandle(h -> {
            var q = h.createQuery("SELECT " + OBJECTION_COLUMNS + " FROM catalog_objection WHERE " + condition
                            + " ORDER BY raised_at, id")
                    .bind("a", a);
            if (b != null) {
                q.bind("b", b.intValue());
            }
            return q.map((rs, ctx) -> new Objection(
                            rs.getString("id"),
                            rs.getString("product_id"),
                            rs.getInt("version"),
                            rs.getString("participant_id"),
                            rs.getString("reason"),
                            Objection.Status.valueOf(rs.getString("status")),
                            Timestamps.read(rs, "raised_at"),
                            rs.getString("resolution"),
                            rs.getString("resolved_by"),
                            Timestamps.read(rs, "resolved_at")))
                    .list();
        });
    }

    // counters

    @Override
    public void ensureRegistrationYear(int year) {
        db.withHandle(h -> {
            boolean exists =
                    h.createQuery("SELECT COUNT(*) FROM catalog_registration_serial WHERE registration_year = :year")
                                    .bind("year", year)
                                    .mapTo(Integer.class)
                                    .one()
                            > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO catalog_registration_serial (registration_year, next_serial)"
                                + " VALUES (:year, 1)")
                        .bind("year", year)
                        .execute();
            }
            return null;
        });
    }

    @Override
    public long nextRegistrationSerial(int year) {
        return db.withHandle(h -> {
            int updated = h.createUpdate("UPDATE catalog_registration_serial SET next_serial = next_serial + 1"
                            + " WHERE registration_year = :year")
                    .bind("year", year)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO catalog_registration_serial (registration_year, next_serial)"
                                + " VALUES (:year, 2)")
                        .bind("year", year)
                        .execute();
                return 1L;
            }
            return h.createQuery("SELECT next_serial - 1 FROM catalog_registration_serial"
                            + " WHERE registration_year = :year")
                    .bind("year", year)
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Override
    public long bumpListingRevision() {
        return db.withHandle(h -> {
            h.createUpdate("UPDATE catalog_listing_revision SET revision = revision + 1 WHERE id = 1")
                    .execute();
            return h.createQuery("SELECT revision FROM catalog_listing_revision WHERE id = 1")
                    .mapTo(Long.class)
                    .one();
        });
    }

    @Override
    public long listingRevision() {
        return db.withHandle(h -> h.createQuery("SELECT revision FROM catalog_listing_revision WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    // helpers

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable catalog column: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable catalog column: " + e.getOriginalMessage(), e);
        }
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static byte[] bytes(float[] vector) {
        if (vector == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] vector(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
