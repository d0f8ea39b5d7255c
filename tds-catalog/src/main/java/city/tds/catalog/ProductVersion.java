package city.tds.catalog;

import city.tds.policy.DeliveryMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One version of a data product: what it offers and where it stands in the listing workflow. A listed version is never
 * edited; a change or correction is a new version that goes through review again.
 *
 * @param policy the usage policy as canonical ODRL JSON-LD
 * @param statusReason why the version was returned, rejected, suspended or delisted
 * @param noticeEndsAt when the public notice ends, once approved
 */
public record ProductVersion(
        String productId,
        int version,
        String providerId,
        ListingStatus status,
        String name,
        String description,
        String industry,
        List<String> keywords,
        ProductType type,
        List<String> resourceIds,
        Set<DeliveryMode> deliveryModes,
        String policy,
        Price price,
        boolean publicData,
        List<String> zoneIds,
        String statusReason,
        Instant noticeEndsAt,
        Instant createdAt,
        Instant updatedAt,
        Instant listedAt) {

    public ProductVersion {
        keywords = List.copyOf(keywords);
        resourceIds = List.copyOf(resourceIds);
        deliveryModes = Set.copyOf(deliveryModes);
        zoneIds = List.copyOf(zoneIds);
    }

    public ProductVersion withStatus(ListingStatus newStatus, String reason, Instant at) {
        return new ProductVersion(
                productId,
                version,
                providerId,
                newStatus,
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                policy,
                price,
                publicData,
                zoneIds,
                reason,
                noticeEndsAt,
                createdAt,
                at,
                newStatus == ListingStatus.LISTED && listedAt == null ? at : listedAt);
    }

    public ProductVersion withNoticeEndingAt(Instant end) {
        return new ProductVersion(
                productId,
                version,
                providerId,
                status,
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                policy,
                price,
                publicData,
                zoneIds,
                statusReason,
                end,
                createdAt,
                updatedAt,
                listedAt);
    }

    /** This version's content, as a draft would say it (for checking it again). */
    public ProductDraft draft() {
        return new ProductDraft(
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                policy,
                price,
                publicData,
                zoneIds);
    }

    /** This version's content replaced by {@code draft}, as a draft. */
    public ProductVersion withContent(ProductDraft draft, String canonicalPolicy, Instant at) {
        return new ProductVersion(
                productId,
                version,
                providerId,
                ListingStatus.DRAFT,
                draft.name(),
                draft.description(),
                draft.industry(),
                draft.keywords(),
                draft.type(),
                draft.resourceIds(),
                draft.deliveryModes(),
                canonicalPolicy,
                draft.price(),
                draft.publicData(),
                draft.zoneIds(),
                null,
                null,
                createdAt,
                at,
                null);
    }

    /** A new draft version with this version's content, for a change or correction. */
    public ProductVersion nextDraft(int newVersion, Instant at) {
        return new ProductVersion(
                productId,
                newVersion,
                providerId,
                ListingStatus.DRAFT,
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                policy,
                price,
                publicData,
                zoneIds,
                null,
                null,
                at,
                at,
                null);
    }
}
