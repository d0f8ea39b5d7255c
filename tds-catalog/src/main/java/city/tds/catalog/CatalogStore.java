package city.tds.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of zones, resources, products, their versions, attachments and objections. */
public interface CatalogStore {

    void insertZone(Zone zone);

    void updateZone(Zone zone);

    Optional<Zone> zone(String id);

    Optional<Zone> zoneByCode(String code);

    List<Zone> zones();

    void insertResource(DataResource resource);

    void updateResource(DataResource resource);

    Optional<DataResource> resource(String id);

    /** Resources of a provider, or every resource when {@code providerId} is null. */
    List<DataResource> resources(String providerId);

    Optional<DataResource> resourceBySource(String connectorId, String sourceId);

    void insertProduct(DataProduct product);

    void updateProduct(DataProduct product);

    Optional<DataProduct> product(String id);

    /** Products of a provider, or every product when {@code providerId} is null. */
    List<DataProduct> products(String providerId);

    void insertVersion(ProductVersion version);

    void updateVersion(ProductVersion version);

    /**
     * Writes {@code version} only if the stored version is still in {@code expected}; false if another transaction
     * moved it first. This is what keeps two concurrent workflow steps (a reviewer and the scheduler listing the same
     * version) from both taking effect.
     */
    boolean updateVersionIfStatus(ProductVersion version, ListingStatus expected);

    Optional<ProductVersion> version(String productId, int version);

    List<ProductVersion> versions(String productId);

    /** Versions in a status, oldest change first. */
    List<ProductVersion> versionsIn(ListingStatus status, int limit);

    /** Versions whose public notice ended at or before {@code now} and that are still in notice. */
    List<ProductVersion> noticesEndedBy(Instant now, int limit);

    /** The listed version of every listed product, with its registration code and embedding, for the search index. */
    List<ListedProduct> listedProducts(String afterProductId, int limit);

    record ListedProduct(ProductVersion version, RegistrationCode registrationCode, float[] embedding) {}

    void saveEmbedding(String productId, int version, float[] embedding);

    Optional<float[]> embedding(String productId, int version);

    void insertAttachment(Attachment attachment, byte[] content);

    List<Attachment> attachments(String productId, int version);

    Optional<byte[]> attachmentContent(String attachmentId);

    void insertObjection(Objection objection);

    void updateObjection(Objection objection);

    Optional<Objection> objection(String id);

    List<Objection> objections(String productId, int version);

    /** Creates the serial counter of {@code year} if it does not exist yet (in a transaction of its own). */
    void ensureRegistrationYear(int year);

    /** Takes the next registration serial for {@code year} (1 for the year's first), inside the caller's transaction. */
    long nextRegistrationSerial(int year);

    /** Counts one change to what is listed and returns the new revision, inside the caller's transaction. */
    long bumpListingRevision();

    long listingRevision();
}
