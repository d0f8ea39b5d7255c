package city.tds.server.protocol;

import static city.tds.core.identity.Role.PARTICIPANT_ADMIN;
import static city.tds.core.identity.Role.PARTICIPANT_MEMBER;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.core.identity.Principal;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.AgreementTermination;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.protocol.negotiation.JdbiNegotiationStore;
import city.tds.protocol.transfer.TransferFormats;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Callers;
import city.tds.server.http.JsonBody;
import city.tds.server.http.QueryParameters;
import city.tds.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contracts management API of a connector node, for its own participant's people: read a provider's DSP catalog,
 * start a negotiation for one of its offers and follow it, list negotiations on either side and end one, list the
 * agreements. The protocol runs underneath; these calls only start it and show where it is.
 */
public final class ContractRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/contracts";
    private static final Access MEMBERS = Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER);
    private static final Access ADMINS = Access.anyOf(PARTICIPANT_ADMIN);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtocolAssembly protocol;
    private final JsonBody json;
    private final JdbiNegotiationStore store;

    public ContractRoutes(ProtocolAssembly protocol, Database database, JsonBody json) {
        this.protocol = protocol;
        this.json = json;
        this.store = new JdbiNegotiationStore(database);
    }

    record CatalogRequestBody(String providerUrl) {}

    record NegotiationBody(String providerId, String providerUrl, String datasetId, JsonNode offer) {}

    record TerminationBody(String reason) {}

    record TransferBody(String agreementId, String format) {}

    /** {@code action}: SUSPEND, RESUME, COMPLETE or TERMINATE. */
    record ControlBody(String action, String reason) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(BASE + "/catalog-requests", this::catalog, MEMBERS);
        routes.post(BASE + "/negotiations", this::negotiate, MEMBERS);
        routes.get(BASE + "/negotiations", this::negotiations, MEMBERS);
        routes.get(BASE + "/negotiations/{id}", ctx -> ctx.json(view(negotiation(ctx))), MEMBERS);
        routes.post(BASE + "/negotiations/{id}/termination", this::terminate, MEMBERS);
        routes.get(BASE + "/agreements", this::agreements, MEMBERS);
        routes.post(BASE + "/agreements/{id}/termination", this::terminateAgreement, ADMINS);
        routes.post(BASE + "/transfers", this::transfer, MEMBERS);
        routes.get(BASE + "/transfers", this::transfers, MEMBERS);
        routes.get(BASE + "/transfers/{id}", ctx -> ctx.json(view(transferProcess(ctx))), MEMBERS);
        routes.post(BASE + "/transfers/{id}/control", this::control, MEMBERS);
        routes.get(
                BASE + "/agreements/{id}",
                ctx -> {
                    ProtocolAssembly.Joined j = joined(ctx);
                    String self = j.session().membership().participantId();
                    Agreement a = store.findAgreement(ctx.pathParam("id"))
                            .filter(x -> x.providerId().equals(self)
                                    || x.consumerId().equals(self))
                            .orElseThrow(() -> notFound("no-such-agreement", "no agreement " + ctx.pathParam("id")));
                    ctx.json(agreementView(a));
                },
                MEMBERS);
    }

    private void catalog(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        CatalogRequestBody body = json.read(ctx, CatalogRequestBody.class);
        if (body.providerUrl() == null || !body.providerUrl().matches("https?://\\S+")) {
            throw invalid(
                    "invalid-provider-url",
                    "providerUrl is the provider connector's DSP base URL, e.g."
                            + " https://tax.example/api/dsp/2025-1");
        }
        ctx.json(j.client().catalog(body.providerUrl()).orElseThrow());
    }

    private void negotiate(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        NegotiationBody body = json.read(ctx, NegotiationBody.class);
        if (body.providerId() == null || body.providerId().isBlank()) {
            throw invalid(
                    "missing-provider", "providerId names the provider participant (the catalog's participantId)");
        }
        if (body.providerUrl() == null || !body.providerUrl().matches("https?://\\S+")) {
            throw invalid("invalid-provider-url", "providerUrl is the provider connector's DSP base URL");
        }
        if (!(body.offer() instanceof ObjectNode offer)) {
            throw invalid("missing-offer", "offer is one of the dataset's offers (hasPolicy) as the catalog gave it");
        }
        ObjectNode requested = offer.deepCopy();
        if (body.datasetId() != null && !body.datasetId().isBlank()) {
            requested.put("target", body.datasetId());
        }
        ContractNegotiation started = j.consumer()
                .request(body.providerId(), body.providerUrl(), requested)
                .orElseThrow();
        ctx.status(201).json(view(started));
    }

    private void negotiations(Context ctx) {
        joined(ctx);
        ProcessRole role =
                QueryParameters.optionalEnum(ctx, "role", ProcessRole.class).orElse(ProcessRole.CONSUMER);
        Optional<NegotiationState> state = QueryParameters.optionalEnum(ctx, "state", NegotiationState.class);
        ctx.json(store.list(role, state.orElse(null), 200).stream()
                .map(ContractRoutes::view)
                .toList());
    }

    private void terminate(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        ContractNegotiation n = negotiation(ctx);
        TerminationBody body = json.read(ctx, TerminationBody.class);
        String reason = body.reason() == null || body.reason().isBlank()
                ? "terminated by the " + n.role().name().toLowerCase(Locale.ROOT)
                : body.reason();
        if (reason.length() > 1000) {
            throw invalid("reason-too-long", "a reason has at most 1000 characters");
        }
        ContractNegotiation ended = n.role() == ProcessRole.PROVIDER
                ? j.provider().terminate(n.id(), reason).orElseThrow()
                : j.consumer().terminate(n.id(), reason).orElseThrow();
        ctx.json(view(ended));
    }

    private void agreements(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        ctx.json(store.agreementsOf(j.session().membership().participantId(), 200).stream()
                .map(this::agreementView)
                .toList());
    }

    private void transfer(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        TransferBody body = json.read(ctx, TransferBody.class);
        if (body.agreementId() == null || body.agreementId().isBlank()) {
            throw invalid("missing-agreement", "agreementId names an agreement this connector holds as consumer");
        }
        if (body.format() == null || TransferFormats.mode(body.format()).isEmpty()) {
            throw invalid("dsp-unknown-format", "format is one of " + TransferFormats.known());
        }
        ctx.status(201)
                .json(view(
                        j.transfers().request(body.agreementId(), body.format()).orElseThrow()));
    }

    private void transfers(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        ProcessRole role =
                QueryParameters.optionalEnum(ctx, "role", ProcessRole.class).orElse(ProcessRole.CONSUMER);
        Optional<TransferState> state = QueryParameters.optionalEnum(ctx, "state", TransferState.class);
        ctx.json(j.transfers().list(role, state.orElse(null), 200).stream()
                .map(ContractRoutes::view)
                .toList());
    }

    private void control(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        TransferProcess process = transferProcess(ctx);
        ControlBody body = json.read(ctx, ControlBody.class);
        TransferState.Event event =
                switch (body.action() == null ? "" : body.action()) {
                    case "SUSPEND" -> TransferState.Event.SUSPEND;
                    case "RESUME" -> TransferState.Event.START;
                    case "COMPLETE" -> TransferState.Event.COMPLETE;
                    case "TERMINATE" -> TransferState.Event.TERMINATE;
                    default -> throw invalid("invalid-action", "action is SUSPEND, RESUME, COMPLETE or TERMINATE");
                };
        if (body.reason() != null && body.reason().length() > 1000) {
            throw invalid("reason-too-long", "a reason has at most 1000 characters");
        }
        ctx.json(view(j.transfers().control(process.id(), event, body.reason()).orElseThrow()));
    }

    private TransferProcess transferProcess(Context ctx) {
        return joined(ctx)
                .transfers()
                .local(ctx.pathParam("id"))
                .orElseThrow(() -> notFound("no-such-transfer", "no transfer " + ctx.pathParam("id")));
    }

    static Map<String, Object> view(TransferProcess t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("role", t.role().name());
        m.put("state", t.state().name());
        m.put("providerPid", t.providerPid());
        m.put("consumerPid", t.consumerPid());
        m.put("counterpartyId", t.counterpartyId());
        m.put("agreementId", t.agreementId());
        m.put("format", t.format());
        m.put("reason", t.reason());
        m.put("createdAt", t.createdAt().toString());
        m.put("updatedAt", t.updatedAt().toString());
        apiAccess(t).ifPresent(a -> m.put("apiAccess", a));
        return m;
    }

    /**
     * How the consumer's apps call an API transfer while it is started: the provider's proxy endpoint and the access
     * token of the start message's data address. Shown for API transfers only: each of their calls is checked by the
     * provider, whereas a pull's token would let a caller fetch the data past the consumer's copy and its policy.
     */
    private static Optional<Map<String, Object>> apiAccess(TransferProcess t) {
        if (t.role() != ProcessRole.CONSUMER
                || !"HttpData-API".equals(t.format())
                || t.state() != TransferState.STARTED
                || t.dataAddress() == null) {
            return Optional.empty();
        }
        try {
            JsonNode address = JSON.readTree(t.dataAddress());
            Map<String, Object> access = new LinkedHashMap<>();
            access.put("endpoint", address.path("endpoint").asText());
            for (JsonNode p : address.path("endpointProperties")) {
                String name = p.path("name").asText();
                if (name.equals("authorization") || name.equals("expiresAt")) {
                    access.put(name, p.path("value").asText());
                }
            }
            return Optional.of(access);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private ContractNegotiation negotiation(Context ctx) {
        joined(ctx);
        return store.find(ctx.pathParam("id"))
                .orElseThrow(() -> notFound("no-such-negotiation", "no negotiation " + ctx.pathParam("id")));
    }

    /** The connector's joined state, for a caller of its own participant. */
    private ProtocolAssembly.Joined joined(Context ctx) {
        Principal caller = Callers.required(ctx);
        ProtocolAssembly.Joined j = protocol.joined()
                .orElseThrow(() -> new ProblemException(new Problem(
                        ProblemKind.UNAVAILABLE, "dsp-not-joined", "this connector has not joined a space yet")));
        if (!j.session().membership().participantId().equals(caller.participantId())) {
            throw new ProblemException(new Problem(
                    ProblemKind.FORBIDDEN,
                    "forbidden",
                    "this connector acts for participant "
                            + j.session().membership().participantId()));
        }
        return j;
    }

    static Map<String, Object> view(ContractNegotiation n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("role", n.role().name());
        m.put("state", n.state().name());
        m.put("providerPid", n.providerPid());
        m.put("consumerPid", n.consumerPid());
        m.put("counterpartyId", n.counterpartyId());
        m.put("counterpartyAddress", n.counterpartyAddress());
        m.put("offerId", n.offerId());
        m.put("target", n.target());
        m.put("agreementId", n.agreementId());
        m.put("reason", n.reason());
        m.put("createdAt", n.createdAt().toString());
        m.put("updatedAt", n.updatedAt().toString());
        return m;
    }

    private Map<String, Object> agreementView(Agreement a) {
        Map<String, Object> m = view(a);
        Optional<AgreementTermination> end = store.termination(a.id());
        m.put("terminatedAt", end.map(t -> t.at().toString()).orElse(null));
        m.put("terminatedBy", end.map(AgreementTermination::terminatedBy).orElse(null));
        m.put("terminationReason", end.map(AgreementTermination::reason).orElse(null));
        return m;
    }

    /**
     * Either party ends an agreement before its time: recorded here and at the other party's connector; its transfers
     * end and the consumer's copies under it are deleted.
     */
    private void terminateAgreement(Context ctx) {
        ProtocolAssembly.Joined j = joined(ctx);
        TerminationBody body = json.read(ctx, TerminationBody.class);
        j.agreements().terminate(ctx.pathParam("id"), body.reason()).orElseThrow();
        ctx.json(agreementView(store.findAgreement(ctx.pathParam("id")).orElseThrow()));
    }

    static Map<String, Object> view(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("negotiationId", a.negotiationId());
        m.put("providerId", a.providerId());
        m.put("consumerId", a.consumerId());
        m.put("target", a.target());
        try {
            m.put("policy", JSON.readTree(a.policy()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored agreement is not JSON", e);
        }
        m.put("agreedAt", a.agreedAt().toString());
        return m;
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }

    private static ProblemException notFound(String code, String detail) {
        return new ProblemException(Problem.notFound(code, detail));
    }
}
