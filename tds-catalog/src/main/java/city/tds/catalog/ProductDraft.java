package city.tds.catalog;

import city.tds.policy.DeliveryMode;
import java.util.List;
import java.util.Set;

/**
 * What a provider writes for a product version: its description, the resources it uses, how it is delivered, the usage
 * policy (ODRL JSON-LD in the TDS subset), the price, and the zones it asks to be listed in.
 *
 * @param publicData whether this is a public-data product (公共数据产品), whose price is capped
 */
public record ProductDraft(
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
        List<String> zoneIds) {

    public ProductDraft {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
        deliveryModes = deliveryModes == null ? Set.of() : Set.copyOf(deliveryModes);
        zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
    }

    public ProductDraft withPolicy(String newPolicy) {
        return new ProductDraft(
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                newPolicy,
                price,
                publicData,
                zoneIds);
    }

    public ProductDraft withPrice(Price newPrice) {
        return new ProductDraft(
                name,
                description,
                industry,
                keywords,
                type,
                resourceIds,
                deliveryModes,
                policy,
                newPrice,
                publicData,
                zoneIds);
    }

    public ProductDraft withDeliveryModes(Set<DeliveryMode> modes) {
        return new ProductDraft(
                name, description, industry, keywords, type, resourceIds, modes, policy, price, publicData, zoneIds);
    }

    public ProductDraft withName(String newName) {
        return new ProductDraft(
                newName,
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
}
