package city.tds.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The evidence payload of a product version: what was decided about exactly which content. */
final class ListingEvidence {

    private ListingEvidence() {}

    static ObjectNode payload(ProductVersion v) {
        ObjectNode p = CatalogEvidence.payload();
        p.put("productId", v.productId())
                .put("version", v.version())
                .put("providerId", v.providerId())
                .put("status", v.status().name())
                .put("name", v.name())
                .put("type", v.type().name())
                .put("publicData", v.publicData())
                .put("pricingModel", v.price().model().name())
                .put("price", v.price().amount().toPlainString())
                .put("currency", v.price().currency());
        ArrayNode resources = p.putArray("resourceIds");
        v.resourceIds().forEach(resources::add);
        ArrayNode zones = p.putArray("zoneIds");
        v.zoneIds().forEach(zones::add);
        ArrayNode modes = p.putArray("deliveryModes");
        v.deliveryModes().stream().map(Enum::name).sorted().forEach(modes::add);
        p.put("policy", v.policy());
        if (v.statusReason() != null) {
            p.put("reason", v.statusReason());
        }
        if (v.noticeEndsAt() != null) {
            p.put("noticeEndsAt", v.noticeEndsAt().toString());
        }
        return p;
    }
}
