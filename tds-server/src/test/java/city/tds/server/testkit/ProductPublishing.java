package city.tds.server.testkit;

import city.tds.server.demo.DemoCatalog;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the tests that publish their own products share: the duty to anonymise, and listing in the finance zone. */
public final class ProductPublishing {

    private ProductPublishing() {}

    /** Adds a duty to anonymise before delivery to the policy's first permission. */
    public static ObjectNode anonymising(ObjectNode policy) {
        ((ObjectNode) policy.path("permission").get(0))
                .putArray("duty")
                .addObject()
                .put("action", "anonymize");
        return policy;
    }

    /**
     * Prices {@code product} at 1 CNY per call, puts it in the demo's finance zone, creates it with {@code token} and
     * takes it through the listing workflow as the demo lists its own.
     */
    public static void list(SpaceClient space, String token, String reviewer, ObjectNode product) {
        product.putObject("price").put("model", "PER_CALL").put("amount", 1).put("currency", "CNY");
        var zones = product.putArray("zoneIds");
        for (JsonNode zone : space.get("/api/v1/catalog/zones", token).expect(200)) {
            if (zone.path("code").asText().equals("finance")) {
                zones.add(zone.path("id").asText());
            }
        }
        String id = space.post("/api/v1/catalog/products", token, product)
                .expect(201)
                .path("id")
                .asText();
        DemoCatalog.list(space, token, reviewer, id, product.path("name").asText() + " 评估报告（测试）");
    }
}
