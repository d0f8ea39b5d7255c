package city.tds.protocol.negotiation;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.protocol.Dsp;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.ProcessStep;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What both sides do with a negotiation: move it by the state table with a conditional write, queue the message that
 * tells the other side, record the evidence. Always called inside the caller's unit of work.
 */
final class NegotiationSteps {

    /** A negotiation after a message, and whether the message changed it (false for a duplicate). */
    record Advanced(ContractNegotiation negotiation, boolean changed) {}

    private final NegotiationStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final EvidenceRecorder evidence;
    private final String self;
    private final Runnable queued;

    NegotiationSteps(
            NegotiationStore store,
            IdGenerator ids,
            Clock clock,
            EvidenceRecorder evidence,
            String self,
            Runnable queued) {
        this.queued = queued;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.evidence = evidence;
        this.self = self;
    }

    String self() {
        return self;
    }

    Instant now() {
        return clock.instant();
    }

    String newPid() {
        return "urn:uuid:" + ids.newId();
    }

    String newId() {
        return ids.newId();
    }

    NegotiationStore store() {
        return store;
    }

    /** The negotiation {@code pid} on {@code role}'s side, if {@code from} is its counterparty. */
    Result<ContractNegotiation> own(ProcessRole role, String pid, Counterparty from) {
        return store.find(pid)
                .filter(n -> n.role() == role && n.counterpartyId().equals(from.participantId()))
                .<Result<ContractNegotiation>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.notFound(
                        "dsp-unknown-process", "no contract negotiation " + pid + " with " + from.participantId())));
    }

    /** Applies {@code event} from {@code sender}; {@code change} adds fields that are written with the move. */
    Result<Advanced> advance(
            ContractNegotiation n,
            NegotiationState.Event event,
            ProcessRole sender,
            UnaryOperator<ContractNegotiation> change) {
        Result<ProcessStep<NegotiationState>> step = n.state().apply(event, sender);
        if (!step.isOk()) {
            return Result.fail(step.problem());
        }
        if (step.value().duplicate()) {
            return Result.ok(new Advanced(n, false));
        }
        ContractNegotiation next = change.apply(n.moved(step.value().state(), now()));
        if (!store.update(next, n.version())) {
            return Result.fail(new Problem(
                    ProblemKind.CONFLICT,
                    "dsp-concurrent-change",
                    "contract negotiation " + n.id() + " changed while this message was handled; send it again"));
        }
        return Result.ok(new Advanced(next, true));
    }

    Result<Advanced> advance(ContractNegotiation n, NegotiationState.Event event, ProcessRole sender) {
        return advance(n, event, sender, UnaryOperator.identity());
    }

    /** Queues {@code message} for {@code n}'s counterparty at {@code url}, delivered after this unit of work commits. */
    void send(ContractNegotiation n, String url, ObjectNode message) {
        Instant now = now();
        store.enqueue(new OutboundMessage(ids.newId(), n.id(), url, message.toString(), 0, now, null, now));
        queued.run();
    }

    /** Records {@code type} (e.g. {@code contract.agreed}) about {@code n}, with {@code payload} as its digest. */
    void record(String type, ContractNegotiation n, ObjectNode payload) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("negotiation", n.id())
                .put("role", n.role().name())
                .put("providerPid", n.providerPid())
                .put("consumerPid", n.consumerPid())
                .put("counterparty", n.counterpartyId())
                .put("state", n.state().name())
                .put("offerId", n.offerId())
                .put("target", n.target());
        if (n.agreementId() != null) {
            body.put("agreementId", n.agreementId());
        }
        if (n.reason() != null) {
            body.put("reason", n.reason());
        }
        if (payload != null) {
            body.set("detail", payload);
        }
        List<String> subjects = n.agreementId() == null
                ? List.of("negotiation:" + n.id())
                : List.of("negotiation:" + n.id(), "agreement:" + n.agreementId());
        evidence.record(new EvidenceEvent(
                type,
                now(),
                EvidenceActor.SYSTEM,
                subjects,
                Set.of(self, n.counterpartyId()),
                body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The base path of a consumer's callbacks for one negotiation. */
    static String consumerEndpoint(String callbackAddress, String consumerPid) {
        return Dsp.base(callbackAddress) + "/negotiations/" + consumerPid;
    }

    /** The base path of a provider's endpoints for one negotiation. */
    static String providerEndpoint(String providerAddress, String providerPid) {
        return Dsp.base(providerAddress) + "/negotiations/" + providerPid;
    }
}
