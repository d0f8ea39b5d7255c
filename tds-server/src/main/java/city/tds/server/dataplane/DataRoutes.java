package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.serve.DeliveryStore;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider connector's data endpoint for pulls: {@code GET /api/data/v1/transfers/{id}?offset=N} streams the
 * transfer's data from byte N to the holder of its access token ({@code Authorization: Bearer tds-edr-…}), and
 * {@code .../checksum} says what was delivered once the last byte went out. The token is the only credential: the
 * route is outside the session-token access checks, and refuses a missing, unknown, expired, revoked or other
 * transfer's token with 401 or 403.
 */
final class DataRoutes implements ApiRoutes {

    static final String BASE = "/api/data/v1/transfers";
    private static final Logger LOG = LoggerFactory.getLogger(DataRoutes.class);

    private final DataPlaneAssembly dataPlane;

    DataRoutes(DataPlaneAssembly dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(BASE + "/{id}", this::pull, Access.PUBLIC);
        routes.get(BASE + "/{id}/checksum", this::checksum, Access.PUBLIC);
    }

    private void pull(Context ctx) {
        long offset = offset(ctx);
        Deliveries.Serving serving = dataPlane
                .deliveries()
                .serve(bearer(ctx), ctx.pathParam("id"), offset)
                .orElseThrow();
        LOG.info("transfer {}: serving its data from byte {}", ctx.pathParam("id"), serving.offset());
        ctx.header("TDS-Offset", Long.toString(serving.offset()));
        ctx.contentType(serving.mediaType());
        ctx.result(serving.data());
    }

    private void checksum(Context ctx) {
        DeliveryStore.Delivered d = dataPlane
                .deliveries()
                .delivered(bearer(ctx), ctx.pathParam("id"))
                .orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("transferId", d.transferId());
        view.put("algorithm", d.checksum().algorithm());
        view.put("digest", d.checksum().labelled());
        view.put("bytes", d.checksum().bytes());
        view.put("records", d.checksum().records());
        view.put("deliveredAt", d.at().toString());
        ctx.json(view);
    }

    private static long offset(Context ctx) {
        String text = ctx.queryParam("offset");
        if (text == null) {
            return 0;
        }
        try {
            long offset = Long.parseLong(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ProblemException(
                Problem.invalidInput("range-invalid", "offset is a byte offset, 0 or more; got " + text));
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim()
                : null;
    }
}
