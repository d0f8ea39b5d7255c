package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.dataplane.api.ApiAnswer;
import city.tds.dataplane.api.ApiCall;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.serve.DeliveryStore;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector's data endpoints. For pulls from this provider: {@code GET /api/data/v1/transfers/{id}?offset=N}
 * streams the transfer's data from byte N to the holder of its access token ({@code Authorization: Bearer
 * tds-edr-…}), and {@code .../checksum} says what was delivered once the last byte went out. For pushes to this
 * consumer: {@code GET /api/data/v1/incoming/{id}} says where the copy continues, {@code PUT ...?offset=N} takes the
 * data from there, and {@code POST .../checksum} concludes the copy with the provider's checksum. For API transfers
 * from this provider: {@code GET|POST /api/data/v1/api/{id}/<path>?<query>} is one call of its API, with the
 * purpose in {@code TDS-Purpose}. The token is the
 * only credential: the routes are outside the session-token access checks, and refuse a missing, unknown, expired,
 * revoked or other transfer's token with 401 or 403.
 */
final class DataRoutes implements ApiRoutes {

    static final String BASE = "/api/data/v1/transfers";
    static final String INCOMING = "/api/data/v1/incoming";
    static final String API = "/api/data/v1/api";
    private static final int MEDIA_TYPE_LIMIT = 100;
    /** The header an API call states its purpose in. */
    static final String PURPOSE = "TDS-Purpose";

    record ChecksumBody(String digest) {}

    private static final Logger LOG = LoggerFactory.getLogger(DataRoutes.class);

    private final DataPlaneAssembly dataPlane;
    private final JsonBody json;

    DataRoutes(DataPlaneAssembly dataPlane, JsonBody json) {
        this.dataPlane = dataPlane;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(BASE + "/{id}", this::pull, Access.PUBLIC);
        routes.get(BASE + "/{id}/checksum", this::checksum, Access.PUBLIC);
        routes.get(INCOMING + "/{id}", this::incoming, Access.PUBLIC);
        routes.put(INCOMING + "/{id}", this::incomingData, Access.PUBLIC);
        routes.post(INCOMING + "/{id}/checksum", this::incomingChecksum, Access.PUBLIC);
        routes.get(API + "/{id}", this::call, Access.PUBLIC);
        routes.post(API + "/{id}", this::call, Access.PUBLIC);
        routes.get(API + "/{id}/<path>", this::call, Access.PUBLIC);
        routes.post(API + "/{id}/<path>", this::call, Access.PUBLIC);
    }

    /**
     * A call of an API transfer's app: the sub-path and query as they came (still encoded) go to the provider's API,
     * and its answer (status, media type, body) comes back with the call's number under the agreement.
     */
    private void call(Context ctx) throws IOException {
        String raw = ctx.req().getRequestURI();
        String below = raw.substring(Math.min(raw.length(), API.length() + 1));
        int slash = below.indexOf('/');
        String subPath = slash < 0 ? "" : below.substring(slash + 1);
        if (subPath.endsWith("/")) {
            subPath = subPath.substring(0, subPath.length() - 1);
        }
        dataPlane.apiCalls().admit(bearer(ctx), ctx.pathParam("id")).orElseThrow();
        int limit = dataPlane.apiLimit();
        byte[] body = ctx.bodyInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new ProblemException(new Problem(
                    ProblemKind.PAYLOAD_TOO_LARGE,
                    "api-request-too-large",
                    "an API call's body is at most " + limit + " bytes"));
        }
        ApiAnswer answer = dataPlane
                .apiCalls()
                .call(
                        bearer(ctx),
                        ctx.pathParam("id"),
                        new ApiCall(
                                ctx.method().name(),
                                subPath,
                                ctx.queryString(),
                                ctx.header(PURPOSE),
                                ctx.contentType(),
                                ctx.header("Accept"),
                                body))
                .orElseThrow();
        ctx.status(answer.status());
        ctx.header("TDS-Call", Long.toString(answer.call()));
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        ctx.result(answer.body());
    }

    private void incoming(Context ctx) {
        DataPlaneAssembly.Incoming incoming =
                dataPlane.incoming(bearer(ctx), ctx.pathParam("id")).orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("transferId", ctx.pathParam("id"));
        view.put(
                "state",
                incoming.copy() == null ? "RECEIVING" : incoming.copy().state().name());
        view.put("offset", incoming.offset());
        ctx.json(view);
    }

    private void incomingData(Context ctx) {
        String mediaType = ctx.contentType() == null
                ? "application/octet-stream"
                : ctx.contentType().split(";")[0].trim();
        if (mediaType.length() > MEDIA_TYPE_LIMIT) {
            throw new ProblemException(Problem.invalidInput("media-type-invalid", "the Content-Type is too long"));
        }
        ReceivedCopy copy = dataPlane
                .incomingData(bearer(ctx), ctx.pathParam("id"), offset(ctx), mediaType, ctx.bodyInputStream())
                .orElseThrow();
        ctx.json(pushedView(copy));
    }

    private void incomingChecksum(Context ctx) {
        ChecksumBody body = json.read(ctx, ChecksumBody.class);
        if (body.digest() == null || body.digest().isBlank() || body.digest().length() > 200) {
            throw new ProblemException(Problem.invalidInput(
                    "checksum-invalid", "the body names the provider's checksum as {\"digest\": \"sm3:<hex>\"}"));
        }
        ReceivedCopy copy = dataPlane
                .incomingChecksum(bearer(ctx), ctx.pathParam("id"), body.digest())
                .orElseThrow();
        ctx.json(pushedView(copy));
    }

    /** A pushed copy as its provider may see it: no key, no reads. */
    private static Map<String, Object> pushedView(ReceivedCopy c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("transferId", c.transferId());
        view.put("state", c.state().name());
        view.put("bytes", c.bytes());
        view.put("records", c.records());
        view.put("digest", c.digest());
        view.put("providerDigest", c.providerDigest());
        view.put("problem", c.problem());
        return view;
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
