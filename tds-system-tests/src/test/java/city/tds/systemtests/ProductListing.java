package city.tds.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.demo.DemoCatalog;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * A provider publishes a file-transfer dataset through the space's listing workflow over HTTP, as the demo's catalog
 * step does: a resource naming its connector's source, a product over it with its compliance and quality reports,
 * submitted, approved by the listing reviewer, and listed when the (zero) notice period is concluded.
 */
final class ProductListing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductListing() {}

    /** Lists product {@code name} over source {@code sourceId} of connector {@code clientId}; the product's id. */
    static String publish(
            SpaceClient space,
            String providerToken,
            String reviewerToken,
            String clientId,
            String sourceId,
            String name,
            ObjectNode policy) {
        ObjectNode resource = JSON.createObjectNode()
                .put("title", name + "（资源）")
                .put("description", "系统测试的数据资源：" + name)
                .put("sourceKind", "AUTHORIZED_OPERATION")
                .put("connectorId", clientId)
                .put("sourceId", sourceId)
                .put("department", "市税务局征管科技处")
                .put("updateFrequency", "MONTHLY")
                .put("recordCount", 3_000)
                .put("coverageFrom", "2021-01-01")
                .put("coverageTo", "2026-10-31")
                .put("classification", "经济/税务")
                .put("grade", "GENERAL");
        ArrayNode fields = resource.putArray("fields");
        fields.addObject().put("name", "credit_code").put("type", "string").put("description", "统一社会信用代码");
        fields.addObject().put("name", "vat_amount").put("type", "decimal").put("description", "增值税缴纳金额");
        String resourceId = space.post("/api/v1/catalog/resources", providerToken, resource)
                .expect(201)
                .path("id")
                .asText();

        ObjectNode product = JSON.createObjectNode()
                .put("name", name)
                .put("description", "系统测试的数据集：" + name + "，经授权以文件交付至银行连接器，限信贷风控用途。")
                .put("industry", "金融业")
                .put("type", "DATASET")
                .put("publicData", true);
        product.putArray("keywords").add("纳税").add("系统测试");
        product.putArray("resourceIds").add(resourceId);
        product.putArray("deliveryModes").add("FILE_TRANSFER");
        product.set("policy", policy);
        product.putObject("price").put("model", "PER_CALL").put("amount", 1).put("currency", "CNY");
        ArrayNode zones = product.putArray("zoneIds");
        for (JsonNode zone : space.get("/api/v1/catalog/zones", providerToken).expect(200)) {
            if (zone.path("code").asText().equals("finance")) {
                zones.add(zone.path("id").asText());
            }
        }
        String id = space.post("/api/v1/catalog/products", providerToken, product)
                .expect(201)
                .path("id")
                .asText();
        assertThat(DemoCatalog.list(space, providerToken, reviewerToken, id, name + " 评估报告（系统测试）"))
                .as("%s is listed", name)
                .startsWith("TDS-");
        return id;
    }

    /**
     * A policy permitting a financial institution to use the data for credit risk, received by file transfer, under
     * the constraints {@code more} adds, and prohibiting distribution.
     */
    static ObjectNode creditRiskFileTransfer(Consumer<ArrayNode> more) {
        return DemoCatalog.creditRiskPolicy(constraints -> {
            constraints
                    .addObject()
                    .put("leftOperand", "deliveryChannel")
                    .put("operator", "eq")
                    .put("rightOperand", "tds:fileTransfer");
            more.accept(constraints);
        });
    }

    /** The constraint: at most {@code lifetime} (an ISO-8601 duration) after the agreement. */
    static Consumer<ArrayNode> within(String lifetime) {
        return constraints -> constraints
                .addObject()
                .put("leftOperand", "elapsedTime")
                .put("operator", "lteq")
                .putObject("rightOperand")
                .put("@value", lifetime)
                .put("@type", "xsd:duration");
    }
}
