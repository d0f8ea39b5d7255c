package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.Sources;
import city.tds.server.identity.SpaceClient;
import city.tds.server.protocol.ConnectorSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Which of this connector's sources a product delivers: the product's listed version names its resources in the
 * space's catalog, and a resource names the connector (client id) and the source it is held under. The first resource
 * held here by a registered source is the one a transfer serves.
 */
final class ProductSources {

    private static final String PRODUCT_PREFIX = "urn:tds:product:";

    private final Sources sources;

    ProductSources(Sources sources) {
        this.sources = sources;
    }

    Result<SourceDefinition> of(String target, ConnectorSession session) {
        if (!target.startsWith(PRODUCT_PREFIX)) {
            return Result.fail(Problem.conflict("no-source", "target " + target + " is not a TDS product"));
        }
        String productId = target.substring(PRODUCT_PREFIX.length());
        SpaceClient space = new SpaceClient(session.membership().spaceUrl());
        String token = session.accessToken();
        SpaceClient.Reply product = space.get("/api/v1/catalog/products/" + productId, token);
        if (product.status() != 200) {
            return Result.fail(Problem.conflict(
                    "no-source", "the space does not show product " + productId + " (" + product.status() + ")"));
        }
        int listed = product.body().path("listedVersion").asInt(0);
        for (JsonNode version : product.body().path("versions")) {
            if (version.path("version").asInt() != listed) {
                continue;
            }
            for (JsonNode resourceId : version.path("resourceIds")) {
                SpaceClient.Reply resource = space.get("/api/v1/catalog/resources/" + resourceId.asText(), token);
                if (resource.status() != 200
                        || !session.membership()
                                .clientId()
                                .equals(resource.body().path("connectorId").asText())) {
                    continue;
                }
                Optional<SourceDefinition> source =
                        sources.find(resource.body().path("sourceId").asText());
                if (source.isPresent()) {
                    return Result.ok(source.get());
                }
            }
        }
        return Result.fail(Problem.conflict(
                "no-source",
                "no resource of product " + productId + " is held by a source registered on this connector"));
    }
}
