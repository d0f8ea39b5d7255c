package city.tds.server.http;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;

/** {@code GET /api/v1/node}: who this node is, its roles, crypto suite and signing key. Public. */
public final class NodeRoutes implements ApiRoutes {

    private final Supplier<Object> description;

    public NodeRoutes(Supplier<Object> description) {
        this.description = description;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/node", ctx -> ctx.json(description.get()), Access.PUBLIC);
    }
}
