package city.tds.server.protocol;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.identity.PresentedParticipant;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspDispatcher;
import city.tds.protocol.DspMessages;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
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
                ctx -> ctx.contentType("application/json")
                        .result(JSON.writeValueAsBytes(DspMessages.versionMetadata(BASE))),
                Access.PUBLIC);
        routes.post(BASE + "/catalog/request", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/catalog/datasets/{id}", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/negotiations/{id}", this::dispatch, Access.PUBLIC);
        routes.post(BASE + "/negotiations/request", this::dispatch, Access.PUBLIC);
        // answered 400 dsp-unsupported by the dispatcher: offers are taken only in negotiations this connector opened
        routes.post(BASE + "/negotiations/offers", this::dispatch, Access.PUBLIC);
        for (String step :
                List.of("request", "offers", "events", "agreement", "agreement/verification", "termination")) {
            routes.post(BASE + "/negotiations/{id}/" + step, this::dispatch, Access.PUBLIC);
        }
        routes.post(BASE + "/transfers/request", this::dispatch, Access.PUBLIC);
        routes.get(BASE + "/transfers/{id}", this::dispatch, Access.PUBLIC);
        for (String step : List.of("start", "suspension", "completion", "termination")) {
            routes.post(BASE + "/transfers/{id}/" + step, this::dispatch, Access.PUBLIC);
        }
        // TDS's extension: the other party of an agreement ended it (tds:AgreementTerminationMessage)
        routes.post(BASE + "/agreements/{id}/termination", this::dispatch, Access.PUBLIC);
        routes.post(BASE + "/agreements/{id}/usage", this::dispatch, Access.PUBLIC);
    }

    private void dispatch(Context ctx) throws Exception {
        String path = ctx.path().substring(BASE.length());
        Optional<ProtocolAssembly.Joined> joined = protocol.joined();
        DspResponse response;
        if (joined.isEmpty()) {
            response = DspDispatcher.refusal(
                    path,
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
                response = DspDispatcher.refusal(path, who.problem());
            } else {
                PresentedParticipant p = who.value();
                Counterparty from = new Counterparty(p.participantId(), p.industry(), p.organizationType(), p.roles());
                response = joined.get().dispatcher().handle(ctx.method().name(), path, from, ctx.bodyAsBytes());
            }
        }
        ctx.status(response.status());
        if (response.body() != null) {
            ctx.contentType("application/json").result(JSON.writeValueAsBytes(response.body()));
        }
    }
}
