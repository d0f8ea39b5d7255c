package city.tds.server.dataplane;

import static city.tds.core.identity.Role.PARTICIPANT_ADMIN;
import static city.tds.core.identity.Role.PARTICIPANT_MEMBER;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.dataplane.received.Copies;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceRequest;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.governance.mask.MaskingProfile;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Callers;
import city.tds.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data plane's management API on a connector, for its own participant's people: the provider's sources
 * (administrators register and remove them), the consumer's copies (members read them under the agreement; an
 * administrator deletes one), and the metered usage of an agreement.
 */
final class DataPlaneRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/dataplane";
    private static final Access ADMINS = Access.anyOf(PARTICIPANT_ADMIN);
    private static final Access MEMBERS = Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER);

    private final DataPlaneAssembly dataPlane;
    private final JsonBody json;

    DataPlaneRoutes(DataPlaneAssembly dataPlane, JsonBody json) {
        this.dataPlane = dataPlane;
        this.json = json;
    }

    record ReadBody(String purpose) {}

    record DeletionBody(String reason) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(BASE + "/sources", this::register, ADMINS);
        routes.get(
                BASE + "/sources",
                ctx -> ctx.json(dataPlane.sources().list().stream()
                        .map(DataPlaneRoutes::view)
                        .toList()),
                MEMBERS);
        routes.delete(BASE + "/sources/{name}", this::remove, ADMINS);
        routes.post(BASE + "/sources/{name}/scan", this::scan, ADMINS);
        routes.get(
                BASE + "/copies",
                ctx -> ctx.json(dataPlane.copies().list(200).stream()
                        .map(DataPlaneRoutes::view)
                        .toList()),
                MEMBERS);
        routes.get(BASE + "/copies/{id}", ctx -> ctx.json(view(copy(ctx))), MEMBERS);
        routes.post(BASE + "/copies/{id}/reads", this::read, MEMBERS);
        routes.post(BASE + "/copies/{id}/deletion", this::delete, ADMINS);
        routes.get(BASE + "/usage", this::usage, MEMBERS);
    }

    private void register(Context ctx) {
        SourceRequest request = json.read(ctx, SourceRequest.class);
        SourceDefinition d = dataPlane
                .sources()
                .register(request, Callers.required(ctx).subject())
                .orElseThrow();
        ctx.status(201).json(view(d));
    }

    private void scan(Context ctx) {
        SourceScans.ScanRequest request = ctx.body().isBlank()
                ? new SourceScans.ScanRequest(null, null)
                : json.read(ctx, SourceScans.ScanRequest.class);
        ctx.json(dataPlane
                .scans()
                .scan(ctx.pathParam("name"), request, Callers.required(ctx))
                .orElseThrow());
    }

    private void remove(Context ctx) {
        if (!dataPlane.sources().remove(ctx.pathParam("name"))) {
            throw new ProblemException(
                    Problem.notFound("source-unknown", "this connector holds no source " + ctx.pathParam("name")));
        }
        ctx.status(204);
    }

    private ReceivedCopy copy(Context ctx) {
        return dataPlane
                .copies()
                .find(ctx.pathParam("id"))
                .orElseThrow(
                        () -> new ProblemException(Problem.notFound("copy-unknown", "no copy " + ctx.pathParam("id"))));
    }

    private void read(Context ctx) {
        ReadBody body = json.read(ctx, ReadBody.class);
        Copies.Read read = dataPlane
                .copies()
                .read(ctx.pathParam("id"), body.purpose(), Callers.required(ctx).subject())
                .orElseThrow();
        ctx.header("TDS-Use", Integer.toString(read.use()));
        ctx.header("TDS-Records", Long.toString(read.copy().records()));
        ctx.contentType(
                read.copy().mediaType() == null
                        ? "application/octet-stream"
                        : read.copy().mediaType());
        ctx.result(read.data());
    }

    private void delete(Context ctx) {
        DeletionBody body = json.read(ctx, DeletionBody.class);
        String reason = body.reason() == null || body.reason().isBlank()
                ? "deleted by " + Callers.required(ctx).subject()
                : body.reason();
        ctx.json(view(dataPlane.copies().delete(ctx.pathParam("id"), reason).orElseThrow()));
    }

    private void usage(Context ctx) {
        String agreement = ctx.queryParam("agreementId");
        if (agreement == null || agreement.isBlank()) {
            throw new ProblemException(
                    Problem.invalidInput("agreement-required", "usage is listed per agreement: ?agreementId=..."));
        }
        ctx.json(dataPlane.usage().of(agreement, 1000).stream()
                .map(DataPlaneRoutes::view)
                .toList());
    }

    static Map<String, Object> view(SourceDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("kind", d.kind().name());
        m.put("mediaType", d.kind().mediaType());
        m.put("location", d.kind().isFile() ? d.location() : redacted(d.location()));
        m.put("table", d.table());
        m.put("user", d.user());
        m.put("hasPassword", d.hasSecret());
        m.put("registeredAt", d.registeredAt().toString());
        m.put("registeredBy", d.registeredBy());
        m.put("maskingProfile", d.maskingProfile());
        m.put("maskedColumns", maskedColumns(d));
        return m;
    }

    /** The columns a source's masking profile masks (the profile was checked against its header when registered). */
    private static List<String> maskedColumns(SourceDefinition d) {
        if (d.maskingProfile() == null) {
            return List.of();
        }
        Result<MaskingProfile> profile = MaskingProfile.parse(d.maskingProfile());
        return profile.isOk() ? List.copyOf(profile.value().columns().keySet()) : List.of();
    }

    static Map<String, Object> view(ReceivedCopy c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("transferId", c.transferId());
        m.put("agreementId", c.agreementId());
        m.put("providerId", c.providerId());
        m.put("mediaType", c.mediaType());
        m.put("state", c.state().name());
        m.put("bytes", c.bytes());
        m.put("records", c.records());
        m.put("digest", c.digest());
        m.put("providerDigest", c.providerDigest());
        m.put("uses", c.uses());
        m.put("problem", c.problem());
        m.put("createdAt", c.createdAt().toString());
        m.put("updatedAt", c.updatedAt().toString());
        return m;
    }

    static Map<String, Object> view(UsageEvent u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreementId", u.agreementId());
        m.put("transferId", u.transferId());
        m.put("kind", u.kind().name());
        m.put("counterparty", u.counterparty());
        m.put("calls", u.calls());
        m.put("records", u.records());
        m.put("bytes", u.bytes());
        m.put("purpose", u.purpose());
        m.put("at", u.at().toString());
        return m;
    }

    /** A JDBC URL without what follows {@code ?} or {@code ;}, which may carry credentials. */
    private static String redacted(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }
}
