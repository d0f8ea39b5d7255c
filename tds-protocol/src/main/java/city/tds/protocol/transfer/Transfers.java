package city.tds.protocol.transfer;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.policy.CompiledPolicy;
import city.tds.policy.Decision;
import city.tds.policy.DeliveryMode;
import city.tds.policy.Policy;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.ProcessStep;
import city.tds.protocol.TransferState;
import city.tds.protocol.TransferState.Event;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.NegotiationContext;
import city.tds.protocol.negotiation.OutboundMessage;
import city.tds.protocol.negotiation.OutboxDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Transfer processes on both sides. The provider takes a consumer's request only under a finalized agreement with that
 * consumer, in a format whose delivery mode the agreement's policy admits for it, and then does what its {@link
 * TransferReaction} says (in production: starts at once); either side may then suspend, resume, complete or terminate. Each step is one unit of work with its queued message and evidence
 * ({@code transfer.requested}, {@code .started}, {@code .suspended}, {@code .completed}, {@code .terminated}).
 *
 * <p>The data moves outside the protocol: a provider's start message carries the data address its {@link
 * TransferData} gives (for a pull, the endpoint and its access token), and both sides tell it of every committed
 * change.
 */
public final class Transfers implements OutboxDelivery.ProcessListener {

    private final NegotiationContext context;
    private final TransferStore store;
    private final TransferReaction reaction;
    private final TransferData data;
    private final DspPolicies policies = new DspPolicies();

    /** Transfers that start as in production ({@link TransferReaction#START}), with no data plane. */
    public Transfers(NegotiationContext context, TransferStore store) {
        this(context, store, TransferReaction.START, TransferData.NONE);
    }

    public Transfers(NegotiationContext context, TransferStore store, TransferReaction reaction) {
        this(context, store, reaction, TransferData.NONE);
    }

    public Transfers(NegotiationContext context, TransferStore store, TransferReaction reaction, TransferData data) {
        this.context = context;
        this.store = store;
        this.reaction = reaction;
        this.data = data;
    }

    // the provider's side

    /** A {@code TransferRequestMessage}; a retry of the same request finds the process it opened. */
    public Result<TransferProcess> onRequest(Counterparty from, DspMessage request) {
        String consumerPid = request.text("consumerPid").orElseThrow();
        String agreementId = request.text("agreementId").orElseThrow();
        String format = request.text("format").orElseThrow();
        return context.tx().attempt(t -> {
            Optional<TransferProcess> existing =
                    store.findByConsumerPid(ProcessRole.PROVIDER, from.participantId(), consumerPid);
            if (existing.isPresent()) {
                return existing.get().agreementId().equals(agreementId)
                        ? Result.ok(existing.get())
                        : Result.fail(Problem.conflict(
                                "dsp-duplicate-consumer-pid",
                                "consumerPid " + consumerPid + " already names transfer "
                                        + existing.get().id()));
            }
            Optional<Agreement> agreement = context.store()
                    .findAgreement(agreementId)
                    .filter(a -> a.providerId().equals(context.self())
                            && a.consumerId().equals(from.participantId()));
            if (agreement.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement", "no agreement " + agreementId + " with " + from.participantId()));
            }
            Optional<ContractNegotiation> negotiation =
                    context.store().find(agreement.get().negotiationId());
            if (negotiation.isEmpty() || negotiation.get().state() != NegotiationState.FINALIZED) {
                return Result.fail(
                        Problem.conflict("dsp-agreement-not-final", "agreement " + agreementId + " is not finalized"));
            }
            Optional<Problem> ended = terminated(agreementId);
            if (ended.isPresent()) {
                return Result.fail(ended.get());
            }
            Result<DeliveryMode> mode = admitted(agreement.get(), format, from);
            if (!mode.isOk()) {
                return Result.fail(mode.problem());
            }
            String pid = "urn:uuid:" + context.ids().newId();
            Instant now = context.clock().instant();
            TransferProcess opened = new TransferProcess(
                    pid,
                    ProcessRole.PROVIDER,
                    pid,
                    consumerPid,
                    from.participantId(),
                    request.text("callbackAddress").orElseThrow(),
                    TransferState.REQUESTED,
                    agreementId,
                    format,
                    request.object("dataAddress").map(Object::toString).orElse(null),
                    null,
                    0,
                    now,
                    now);
            if (!store.insert(opened)) {
                return Result.fail(Problem.conflict(
                        "dsp-concurrent-change",
                        "transfer " + consumerPid + " was opened concurrently; send it again"));
            }
            record("transfer.requested", opened);
            TransferReaction.Next next = reaction.onRequested(opened, agreement.get());
            if (next == TransferReaction.Next.WAIT) {
                return Result.ok(opened);
            }
            Event event = next == TransferReaction.Next.START ? Event.START : Event.TERMINATE;
            String reason = event == Event.TERMINATE ? "the provider declined the transfer" : null;
            Result<Optional<ObjectNode>> address =
                    event == Event.START ? data.starting(opened, agreement.get(), from) : Result.ok(Optional.empty());
            if (!address.isOk()) {
                return Result.fail(address.problem());
            }
            return advance(opened, event, ProcessRole.PROVIDER, p -> reason == null ? p : p.withReason(reason))
                    .map(moved -> {
                        send(moved, path(event), message(moved, event, reason, address.value()));
                        record("transfer." + past(event), moved);
                        return opened;
                    });
        });
    }

    // the consumer's side

    /** Asks the provider of {@code agreementId} for a transfer in {@code format}; sent after this call commits. */
    public Result<TransferProcess> request(String agreementId, String format) {
        if (TransferFormats.mode(format).isEmpty()) {
            return Result.fail(Problem.invalidInput(
                    "dsp-unknown-format", "format " + format + " is not one of " + TransferFormats.known()));
        }
        return context.tx().attempt(t -> {
            Optional<Agreement> agreement = context.store()
                    .findAgreement(agreementId)
                    .filter(a -> a.consumerId().equals(context.self()));
            Optional<ContractNegotiation> negotiation =
                    agreement.flatMap(a -> context.store().find(a.negotiationId()));
            if (negotiation.isEmpty()) {
                return Result.fail(Problem.notFound(
                        "dsp-unknown-agreement",
                        "no agreement " + agreementId + " of which this connector is the consumer"));
            }
            if (negotiation.get().state() != NegotiationState.FINALIZED) {
                return Result.fail(Problem.conflict(
                        "dsp-agreement-not-final", "agreement " + agreementId + " is not finalized yet"));
            }
            Optional<Problem> ended = terminated(agreementId);
            if (ended.isPresent()) {
                return Result.fail(ended.get());
            }
            String pid = "urn:uuid:" + context.ids().newId();
            Instant now = context.clock().instant();
            TransferProcess requested = new TransferProcess(
                    pid,
                    ProcessRole.CONSUMER,
                    null,
                    pid,
                    agreement.get().providerId(),
                    negotiation.get().counterpartyAddress(),
                    TransferState.REQUESTED,
                    agreementId,
                    format,
                    null,
                    null,
                    0,
                    now,
                    now);
            Result<Optional<ObjectNode>> target = data.requesting(requested);
            if (!target.isOk()) {
                return Result.fail(target.problem());
            }
            store.insert(requested);
            enqueue(
                    requested,
                    requested.counterpartyAddress() + "/transfers/request",
                    DspMessages.transferRequest(
                            pid,
                            agreementId,
                            format,
                            context.selfAddress(),
                            target.value().orElse(null)));
            record("transfer.requested", requested);
            return Result.ok(requested);
        });
    }

    // either side

    /** A {@code TransferStartMessage}: the provider started, or (from either side) a suspended transfer resumes. */
    public Result<TransferProcess> onStart(Counterparty from, String pid, DspMessage message) {
        return received(
                from,
                pid,
                message,
                Event.START,
                t -> message.object("dataAddress")
                        .map(a -> t.withDataAddress(a.toString()))
                        .orElse(t),
                "transfer.started");
    }

    public Result<TransferProcess> onSuspension(Counterparty from, String pid, DspMessage message) {
        return received(
                from,
                pid,
                message,
                Event.SUSPEND,
                t -> t.withReason(message.reason().orElse(null)),
                "transfer.suspended");
    }

    public Result<TransferProcess> onCompletion(Counterparty from, String pid, DspMessage message) {
        return received(from, pid, message, Event.COMPLETE, UnaryOperator.identity(), "transfer.completed");
    }

    public Result<TransferProcess> onTermination(Counterparty from, String pid, DspMessage message) {
        return received(
                from,
                pid,
                message,
                Event.TERMINATE,
                t -> t.withReason(message.reason().orElse(null)),
                "transfer.terminated");
    }

    /** {@code GET /transfers/{pid}}: the process, to its counterparty only. */
    public Result<TransferProcess> find(Counterparty from, String pid) {
        return own(pid, from);
    }

    /** This connector suspends, resumes, completes or terminates a transfer, and tells the other side. */
    public Result<TransferProcess> control(String pid, Event event, String reason) {
        return context.tx()
                .attempt(t -> store.find(pid)
                        .<Result<TransferProcess>>map(process -> resumeAddress(process, event)
                                .flatMap(address -> advance(
                                                process,
                                                event,
                                                process.role(),
                                                p -> reason == null ? p : p.withReason(reason))
                                        .map(changed -> {
                                            if (changed.counterpartyPid() != null) {
                                                send(changed, path(event), message(changed, event, reason, address));
                                            }
                                            record("transfer." + past(event), changed);
                                            return changed;
                                        })))
                        .orElseGet(() -> Result.fail(Problem.notFound("dsp-unknown-process", "no transfer " + pid))));
    }

    /** A provider resuming a transfer starts it again, with a fresh data address. */
    private Result<Optional<ObjectNode>> resumeAddress(TransferProcess process, Event event) {
        if (event != Event.START || process.role() != ProcessRole.PROVIDER) {
            return Result.ok(Optional.empty());
        }
        return context.store()
                .findAgreement(process.agreementId())
                .map(a -> data.starting(process, a))
                .orElseGet(() -> Result.fail(
                        Problem.notFound("dsp-unknown-agreement", "no agreement " + process.agreementId())));
    }

    /** A process of this connector by its id, for its own management API. */
    public Optional<TransferProcess> local(String id) {
        return store.find(id);
    }

    public List<TransferProcess> list(ProcessRole role, TransferState state, int limit) {
        return store.list(role, state, limit);
    }

    /** The provider answered the request with its TransferProcess: learn its pid. */
    @Override
    public void providerAnswered(String processId, JsonNode body) {
        if (body == null || !body.path("providerPid").isTextual()) {
            return;
        }
        context.tx()
                .run(t -> store.find(processId)
                        .filter(p -> p.role() == ProcessRole.CONSUMER && p.providerPid() == null)
                        .ifPresent(p -> store.update(
                                p.withProviderPid(body.get("providerPid").asText()), p.version())));
    }

    /** Delivery gave up: end the process here with the reason. */
    @Override
    public void gaveUp(String processId, String reason) {
        context.tx()
                .run(t -> store.find(processId)
                        .filter(p -> !p.state().isTerminal())
                        .ifPresent(p -> advance(p, Event.TERMINATE, p.role(), x -> x.withReason(reason))
                                .map(ended -> {
                                    record("transfer.terminated", ended);
                                    return ended;
                                })));
    }

    private Result<TransferProcess> received(
            Counterparty from,
            String pid,
            DspMessage message,
            Event event,
            UnaryOperator<TransferProcess> change,
            String evidence) {
        return context.tx()
                .attempt(t -> own(pid, from).flatMap(p -> samePids(p, message)).flatMap(p -> {
                    Result<ProcessStep<TransferState>> step =
                            p.state().apply(event, p.role().other());
                    if (!step.isOk()) {
                        return Result.fail(step.problem());
                    }
                    if (step.value().duplicate()) {
                        return Result.ok(p);
                    }
                    String providerPid = message.text("providerPid").orElse(p.providerPid());
                    return advance(
                                    p,
                                    event,
                                    p.role().other(),
                                    x -> change.apply(x.providerPid() == null ? x.withProviderPid(providerPid) : x))
                            .map(moved -> {
                                if (event == Event.TERMINATE) {
                                    context.store().deleteAllOf(moved.id());
                                }
                                record(evidence, moved);
                                return moved;
                            });
                }));
    }

    /** Why no transfer may start under {@code agreementId} any more, if it was terminated. */
    private Optional<Problem> terminated(String agreementId) {
        return context.store()
                .termination(agreementId)
                .map(t -> Problem.conflict(
                        "dsp-agreement-terminated",
                        "agreement " + agreementId + " was terminated at " + t.at() + " by " + t.terminatedBy() + ": "
                                + t.reason()));
    }

    private Result<DeliveryMode> admitted(Agreement agreement, String format, Counterparty from) {
        Optional<DeliveryMode> mode = TransferFormats.mode(format);
        if (mode.isEmpty()) {
            return Result.fail(Problem.invalidInput(
                    "dsp-unknown-format", "format " + format + " is not one of " + TransferFormats.known()));
        }
        Result<Policy> policy = policies.readStored(agreement.policy());
        if (!policy.isOk()) {
            return Result.fail(policy.problem());
        }
        Decision decision = CompiledPolicy.of(policy.value())
                .decide(from.facts(context.clock().instant()).withChannel(mode.get()));
        if (!decision.possible()) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "dsp-policy-denied",
                    "agreement " + agreement.id() + " does not allow a " + format + " transfer to "
                            + from.participantId() + ": " + decision.explanation()));
        }
        return Result.ok(mode.get());
    }

    private Result<TransferProcess> own(String pid, Counterparty from) {
        return store.find(pid)
                .filter(p -> p.counterpartyId().equals(from.participantId()))
                .<Result<TransferProcess>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.notFound(
                        "dsp-unknown-process", "no transfer process " + pid + " with " + from.participantId())));
    }

    private static Result<TransferProcess> samePids(TransferProcess p, DspMessage message) {
        Optional<String> consumerPid = message.text("consumerPid");
        if (consumerPid.isPresent() && !consumerPid.get().equals(p.consumerPid())) {
            return Result.fail(Problem.invalidInput(
                    "dsp-pid-mismatch", "consumerPid " + consumerPid.get() + " is not the consumer of " + p.id()));
        }
        Optional<String> providerPid = message.text("providerPid");
        if (providerPid.isPresent()
                && p.providerPid() != null
                && !providerPid.get().equals(p.providerPid())) {
            return Result.fail(Problem.invalidInput(
                    "dsp-pid-mismatch", "providerPid " + providerPid.get() + " is not the provider of " + p.id()));
        }
        return Result.ok(p);
    }

    private Result<TransferProcess> advance(
            TransferProcess p, Event event, ProcessRole sender, UnaryOperator<TransferProcess> change) {
        Result<ProcessStep<TransferState>> step = p.state().apply(event, sender);
        if (!step.isOk()) {
            return Result.fail(step.problem());
        }
        if (step.value().duplicate()) {
            return Result.ok(p);
        }
        TransferProcess next =
                change.apply(p.moved(step.value().state(), context.clock().instant()));
        if (!store.update(next, p.version())) {
            return Result.fail(Problem.conflict(
                    "dsp-concurrent-change", "transfer " + p.id() + " changed while this message was handled"));
        }
        context.tx().current().ifPresent(t -> t.afterCommit(() -> data.changed(next)));
        return Result.ok(next);
    }

    private void send(TransferProcess p, String step, ObjectNode message) {
        enqueue(p, Dsp.base(p.counterpartyAddress()) + "/transfers/" + p.counterpartyPid() + step, message);
    }

    private void enqueue(TransferProcess p, String url, ObjectNode message) {
        Instant now = context.clock().instant();
        context.store()
                .enqueue(
                        new OutboundMessage(context.ids().newId(), p.id(), url, message.toString(), 0, now, null, now));
        context.tx().current().ifPresentOrElse(t -> t.afterCommit(context.onQueued()), context.onQueued());
    }

    private void record(String type, TransferProcess p) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("transfer", p.id())
                .put("role", p.role().name())
                .put("providerPid", p.providerPid())
                .put("consumerPid", p.consumerPid())
                .put("counterparty", p.counterpartyId())
                .put("state", p.state().name())
                .put("agreementId", p.agreementId())
                .put("format", p.format());
        if (p.reason() != null) {
            body.put("reason", p.reason());
        }
        context.evidence()
                .record(new EvidenceEvent(
                        type,
                        context.clock().instant(),
                        EvidenceActor.SYSTEM,
                        List.of("transfer:" + p.id(), "agreement:" + p.agreementId()),
                        Set.of(context.self(), p.counterpartyId()),
                        body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String path(Event event) {
        return switch (event) {
            case START -> "/start";
            case SUSPEND -> "/suspension";
            case COMPLETE -> "/completion";
            case TERMINATE -> "/termination";
            case REQUEST -> throw new IllegalArgumentException("a request is not a control step");
        };
    }

    private static ObjectNode message(TransferProcess p, Event event, String reason, Optional<ObjectNode> dataAddress) {
        List<String> reasons = reason == null ? List.of() : List.of(reason);
        return switch (event) {
            case START -> DspMessages.transferStart(p.providerPid(), p.consumerPid(), dataAddress.orElse(null));
            case SUSPEND ->
                DspMessages.transferControl(
                        DspMessageType.TRANSFER_SUSPENSION, p.providerPid(), p.consumerPid(), null, reasons);
            case COMPLETE ->
                DspMessages.transferControl(
                        DspMessageType.TRANSFER_COMPLETION, p.providerPid(), p.consumerPid(), null, List.of());
            case TERMINATE ->
                DspMessages.transferControl(
                        DspMessageType.TRANSFER_TERMINATION, p.providerPid(), p.consumerPid(), "terminated", reasons);
            case REQUEST -> throw new IllegalArgumentException("a request is not a control step");
        };
    }

    private static String past(Event event) {
        return switch (event) {
            case START -> "started";
            case SUSPEND -> "suspended";
            case COMPLETE -> "completed";
            case TERMINATE -> "terminated";
            case REQUEST -> "requested";
        };
    }
}
