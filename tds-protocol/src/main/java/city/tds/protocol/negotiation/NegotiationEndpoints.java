package city.tds.protocol.negotiation;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.protocol.DspEndpoint;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.ProcessRole;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract negotiation endpoints of DSP 2025-1, for both sides, independent of the HTTP server: given the
 * authenticated counterparty, the method, the path below the version base and the body, the answer. The provider's
 * endpoints and the consumer's callbacks share paths ({@code /negotiations/{pid}/events}, {@code .../termination});
 * the pid says which side this connector is on for that negotiation.
 *
 * <p>Errors are {@code ContractNegotiationError} bodies with the status the problem calls for: 400 for a malformed or
 * invalid message, 403 when the policy refuses the requester, 404 for a process unknown to (or not shared with) the
 * caller, 409 for a message the current state does not allow, 413 for an oversized body.
 */
public final class NegotiationEndpoints implements DspEndpoint {

    private final ProviderNegotiations provider;
    private final ConsumerNegotiations consumer;
    private final NegotiationStore store;
    private final DspMessageReader reader;

    public NegotiationEndpoints(
            ProviderNegotiations provider,
            ConsumerNegotiations consumer,
            NegotiationContext context,
            DspMessageReader reader) {
        this.provider = provider;
        this.consumer = consumer;
        this.store = context.store();
        this.reader = reader;
    }

    @Override
    public DspResponse handle(String method, String path, Counterparty from, byte[] body) {
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        if (segments.isEmpty() || !segments.get(0).equals("negotiations") || segments.size() < 2) {
            return error(null, null, Problem.notFound("dsp-unknown-endpoint", "no negotiation endpoint " + path));
        }
        if (method.equals("POST") && segments.size() == 2 && segments.get(1).equals("request")) {
            return post(body, DspMessageType.CONTRACT_REQUEST, 201, m -> provider.onRequest(from, m));
        }
        if (method.equals("POST") && segments.size() == 2 && segments.get(1).equals("offers")) {
            return error(
                    null,
                    null,
                    Problem.invalidInput("dsp-unsupported", "this connector does not take offers it did not request"));
        }
        String pid = segments.get(1);
        String rest = String.join("/", segments.subList(2, segments.size()));
        if (method.equals("GET") && rest.isEmpty()) {
            return side(pid)
                    .map(role -> role == ProcessRole.PROVIDER ? provider.find(from, pid) : consumer.find(from, pid))
                    .map(r -> answer(null, r, 200))
                    .orElseGet(() -> unknown(pid));
        }
        if (!method.equals("POST")) {
            return error(null, null, Problem.notFound("dsp-unknown-endpoint", "no endpoint " + method + " " + path));
        }
        // a path that only one side takes needs no lookup here: that side's handler finds its own negotiation (or
        // answers 404); only the paths both sides share ask the store which side this connector is on
        return switch (rest) {
            case "request" -> post(body, DspMessageType.CONTRACT_REQUEST, m -> counterRequest(from, pid, m));
            case "agreement/verification" ->
                post(body, DspMessageType.CONTRACT_AGREEMENT_VERIFICATION, m -> provider.onVerification(from, pid, m));
            case "agreement" -> post(body, DspMessageType.CONTRACT_AGREEMENT, m -> consumer.onAgreement(from, pid, m));
            case "offers" -> post(body, DspMessageType.CONTRACT_OFFER, m -> consumer.onOffer(from, pid, m));
            case "events" ->
                shared(
                        pid,
                        body,
                        DspMessageType.CONTRACT_NEGOTIATION_EVENT,
                        m -> provider.onEvent(from, pid, m),
                        m -> consumer.onEvent(from, pid, m));
            case "termination" ->
                shared(
                        pid,
                        body,
                        DspMessageType.CONTRACT_NEGOTIATION_TERMINATION,
                        m -> provider.onTermination(from, pid, m),
                        m -> consumer.onTermination(from, pid, m));
            default -> error(null, null, Problem.notFound("dsp-unknown-endpoint", "no endpoint POST " + path));
        };
    }

    /** A message on a path both sides take: handled by the side this connector is on for {@code pid}. */
    private DspResponse shared(
            String pid,
            byte[] body,
            DspMessageType type,
            Function<DspMessage, Result<ContractNegotiation>> asProvider,
            Function<DspMessage, Result<ContractNegotiation>> asConsumer) {
        return side(pid)
                .map(role -> post(body, type, role == ProcessRole.PROVIDER ? asProvider : asConsumer))
                .orElseGet(() -> unknown(pid));
    }

    /** A request on an open negotiation's path must name that negotiation, or it would open another one. */
    private Result<ContractNegotiation> counterRequest(Counterparty from, String pid, DspMessage request) {
        if (!request.text("providerPid").filter(pid::equals).isPresent()) {
            return Result.fail(Problem.invalidInput(
                    "dsp-pid-mismatch",
                    "a ContractRequestMessage to /negotiations/" + pid + "/request must have providerPid " + pid));
        }
        return provider.onRequest(from, request);
    }

    private Optional<ProcessRole> side(String pid) {
        return store.find(pid).map(ContractNegotiation::role);
    }

    private DspResponse post(
            byte[] body, DspMessageType type, Function<DspMessage, Result<ContractNegotiation>> handler) {
        return post(body, type, 200, handler);
    }

    private DspResponse post(
            byte[] body, DspMessageType type, int status, Function<DspMessage, Result<ContractNegotiation>> handler) {
        Result<DspMessage> message = reader.read(body, type);
        if (!message.isOk()) {
            return error(null, null, message.problem());
        }
        return answer(message.value(), handler.apply(message.value()), status);
    }

    private static DspResponse answer(DspMessage message, Result<ContractNegotiation> result, int status) {
        if (!result.isOk()) {
            return error(
                    message == null ? null : message.text("providerPid").orElse(null),
                    message == null ? null : message.text("consumerPid").orElse(null),
                    result.problem());
        }
        ContractNegotiation n = result.value();
        return new DspResponse(status, DspMessages.contractNegotiation(n.providerPid(), n.consumerPid(), n.state()));
    }

    private static DspResponse unknown(String pid) {
        return error(null, null, Problem.notFound("dsp-unknown-process", "no contract negotiation " + pid));
    }

    static DspResponse error(String providerPid, String consumerPid, Problem problem) {
        return new DspResponse(
                problem.kind().httpStatus(),
                DspMessages.negotiationError(providerPid, consumerPid, problem.code(), List.of(problem.detail())));
    }
}
