package city.tds.server.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.yaml}: the management API contract, as shipped in the jar. */
public final class OpenApiRoutes implements ApiRoutes {

    private final byte[] document;

    public OpenApiRoutes() {
        this.document = load();
    }

    /** The OpenAPI document bundled with this build. */
    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(
                "/api/openapi.yaml",
                ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document),
                Access.PUBLIC);
    }
}
