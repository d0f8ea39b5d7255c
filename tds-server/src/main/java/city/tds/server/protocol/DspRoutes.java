package city.tds.server.protocol;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.identity.PresentedParticipant;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DSP 2025-1 endpoints of a connector node under {@code /api/dsp/2025-1}, and {@code /.well-known/dspace-version}.
 * The node's access check lets them through ({@link Access#PUBLIC}): DSP authenticates every call itself, by the
 * caller's presentation ({@code Authorization: Bearer}), and answers a refusal with the protocol's own error body.
 */
public final class DspRoutes implements ApiRoutes {

    static final String BASE = "/api/dsp" + Dsp.VERSION_PATH;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtocolAssembly protocol;

    DspRoutes(ProtocolAssembly protocol) {
        this.protocol = protocol;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(
                "/.well-known/dspace-version",
                ctx -> ctx.json(Map.of(
                        "protocolVersions", List.of(Map.of("version", Dsp.VERSION, "path", BASE, "binding", "HTTPS")))),
                Access.PUBLIC);
        routes.post(BASE + "/catalog/request", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/catalog/datasets/{id}", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/negotiations/{id}", this::dispatch, Access.PUBLIC);
        routes.post(BASE + "/negotiations/request", this::dispatch, Access.PUBLIC);
        for (String step : List.of("request", "events", "agreement", "agreement/verification", "termination")) {
            routes.post(BASE + "/negotiations/{id}/" + step, this::dispatch, Access.PUBLIC);
        }
        routes.post(BASE + "/transfers/request", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/transfers/{id}", this::dispatch, Access.PUBLIC);
        for (String step : List.of("start", "suspension", "completion", "termination")) {
            routes.post(BASE + "/transfers/{id}/" + step, this::dispatch, Access.PUBLIC);
        }
    }

    private void dispatch(Context ctx) throws Exception {
        String path = ctx.path().substring(BASE.length());
        Kind kind = path.startsWith("/catalog")
                ? Kind.CATALOG
                : path.startsWith("/transfers") ? Kind.TRANSFER : Kind.NEGOTIATION;
        Optional<ProtocolAssembly.Joined> joined = protocol.joined();
        DspResponse response;
        if (joined.isEmpty()) {
            response = error(
                    kind,
                    new Problem(
                            ProblemKind.UNAVAILABLE,
                            "dsp-not-joined",
                            "this connector has not joined a space yet; it cannot take DSP messages"));
        } else {
            String header = ctx.header("Authorization");
            String bearer = header != null && header.startsWith("Bearer ")
                    ? header.substring(7).trim()
                    : null;
            Result<PresentedParticipant> who = joined.get().presentations().verify(bearer, protocol.selfAddress());
            if (!who.isOk()) {
                response = error(kind, who.problem());
            } else {
                PresentedParticipant p = who.value();
                Counterparty from = new Counterparty(p.participantId(), p.industry(), p.organizationType(), p.roles());
                byte[] body = ctx.bodyAsBytes();
                String method = ctx.method().name();
                response = switch (kind) {
                    case CATALOG -> joined.get().catalog().handle(method, path, from, body);
                    case TRANSFER -> joined.get().transferEndpoints().handle(method, path, from, body);
                    case NEGOTIATION -> joined.get().negotiations().handle(method, path, from, body);
                };
            }
        }
        ctx.status(response.status());
        if (response.body() != null) {
            ctx.contentType("application/json").result(JSON.writeValueAsBytes(response.body()));
        }
    }

    /** Which protocol a path belongs to, for the error body to answer with. */
    private enum Kind {
        CATALOG,
        NEGOTIATION,
        TRANSFER
    }

    private static DspResponse error(Kind kind, Problem problem) {
        ObjectNode body =
                switch (kind) {
                    case CATALOG -> DspMessages.message(DspMessageType.CATALOG_ERROR);
                    case TRANSFER -> DspMessages.transferError(null, null, null, null);
                    case NEGOTIATION -> DspMessages.negotiationError(null, null, null, null);
                };
        body.put("code", problem.code());
        body.putArray("reason").add(problem.detail());
        return new DspResponse(problem.kind().httpStatus(), body);
    }
}
