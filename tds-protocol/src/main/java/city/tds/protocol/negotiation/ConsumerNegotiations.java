package city.tds.protocol.negotiation;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.tx.UnitOfWork;
import city.tds.policy.Policy;
import city.tds.policy.PolicyType;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.NegotiationState.Event;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.negotiation.ConsumerReaction.Moment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The consumer's side of contract negotiation: requests an offer from a provider's connector, answers the provider's
 * offers, checks and verifies the agreement the provider sends, and holds it once the provider has finalized; what it
 * does after an offer or an agreement is its {@link ConsumerReaction}'s choice. As on the provider's side, each handler
 * is one unit of work.
 */
public final class ConsumerNegotiations {

    private final NegotiationSteps steps;
    private final UnitOfWork tx;
    private final String selfAddress;
    private final ConsumerReaction reaction;
    private final DspPolicies policies = new DspPolicies();

    /** A consumer that reacts as in production ({@link ConsumerReaction#AS_REQUESTED}). */
    public ConsumerNegotiations(NegotiationContext context) {
        this(context, ConsumerReaction.AS_REQUESTED);
    }

    public ConsumerNegotiations(NegotiationContext context, ConsumerReaction reaction) {
        this.steps = context.steps();
        this.tx = context.tx();
        this.selfAddress = context.selfAddress();
        this.reaction = reaction;
    }

    /**
     * Starts negotiating for {@code offer} (as the provider's catalog gave it) with {@code providerId}, whose DSP base
     * URL is {@code providerAddress}: the request is queued and sent after this call commits.
     */
    public Result<ContractNegotiation> request(String providerId, String providerAddress, ObjectNode offer) {
        Result<Policy> policy = policies.read(offer);
        if (!policy.isOk()) {
            return Result.fail(policy.problem());
        }
        if (policy.value().uid() == null || policy.value().target() == null) {
            return Result.fail(
                    Problem.invalidInput("dsp-incomplete-offer", "an offer to request names its @id and its target"));
        }
        return tx.attempt(t -> {
            String pid = steps.newPid();
            ContractNegotiation requested = new ContractNegotiation(
                    pid,
                    ProcessRole.CONSUMER,
                    null,
                    pid,
                    providerId,
                    Dsp.base(providerAddress),
                    NegotiationState.REQUESTED,
                    policy.value().uid(),
                    policy.value().target(),
                    offer.toString(),
                    null,
                    null,
                    0,
                    steps.now(),
                    steps.now());
            steps.store().insert(requested);
            steps.send(
                    requested,
                    requested.counterpartyAddress() + "/negotiations/request",
                    DspMessages.contractRequest(pid, null, offer, selfAddress));
            steps.record("contract.requested", requested, null);
            return Result.ok(requested);
        });
    }

    /**
     * A {@code ContractAgreementMessage}: checks that the agreement is for what was requested, from this provider, to
     * this participant, with the terms offered; stores it and verifies it at once.
     */
    public Result<ContractNegotiation> onAgreement(Counterparty from, String consumerPid, DspMessage message) {
        return tx.attempt(t -> steps.own(ProcessRole.CONSUMER, consumerPid, from)
                .flatMap(n -> ProviderNegotiations.samePids(n, message))
                .flatMap(n -> {
                    ObjectNode agreementJson = message.object("agreement").orElseThrow();
                    String providerPid = message.text("providerPid").orElseThrow();
                    Result<Policy> agreement = checkAgreement(n, agreementJson);
                    if (!agreement.isOk()) {
                        return Result.fail(agreement.problem());
                    }
                    String agreementId = agreement.value().uid();
                    return steps.advance(
                                    n,
                                    Event.AGREE,
                                    ProcessRole.PROVIDER,
                                    m -> m.withProviderPid(providerPid).withAgreementId(agreementId))
                            .flatMap(a -> {
                                if (!a.changed()) {
                                    return Result.ok(a.negotiation());
                                }
                                ContractNegotiation agreed = a.negotiation();
                                steps.store()
                                        .insertAgreement(new Agreement(
                                                agreementId,
                                                agreed.id(),
                                                agreed.counterpartyId(),
                                                steps.self(),
                                                agreed.target(),
                                                agreementJson.toString(),
                                                steps.now()));
                                steps.record("contract.agreed", agreed, agreementJson);
                                return act(reaction.next(Moment.AGREED, agreed, true), agreed, true);
                            });
                }));
    }

    /**
     * A {@code ContractOfferMessage} in a negotiation this consumer opened: the provider offers (or counter-offers);
     * the offer replaces the one requested as the terms an agreement must match.
     */
    public Result<ContractNegotiation> onOffer(Counterparty from, String consumerPid, DspMessage message) {
        return tx.attempt(t -> steps.own(ProcessRole.CONSUMER, consumerPid, from)
                .flatMap(n -> ProviderNegotiations.samePids(n, message))
                .flatMap(n -> {
                    ObjectNode offerJson = message.object("offer").orElseThrow();
                    Result<Policy> offer = policies.read(offerJson);
                    if (!offer.isOk()) {
                        return Result.fail(offer.problem());
                    }
                    if (offer.value().uid() == null) {
                        return Result.fail(Problem.invalidInput("dsp-incomplete-offer", "an offer names its @id"));
                    }
                    boolean asRequested = sameTerms(
                            offer.value(), policies.readStored(n.offer()).orElseThrow(), n.target());
                    // decided on the negotiation as requested, so that an offer declined does not replace the
                    // terms this consumer asked for (it stays in the evidence)
                    ConsumerReaction.Next next = reaction.next(Moment.OFFERED, n, asRequested);
                    boolean taken = next == ConsumerReaction.Next.ACCEPT || next == ConsumerReaction.Next.REQUEST;
                    String providerPid = message.text("providerPid").orElseThrow();
                    return steps.advance(n, Event.OFFER, ProcessRole.PROVIDER, m -> {
                                ContractNegotiation withPid = m.withProviderPid(providerPid);
                                return taken ? withPid.withOffer(offer.value().uid(), offerJson.toString()) : withPid;
                            })
                            .flatMap(a -> {
                                if (!a.changed()) {
                                    return Result.ok(a.negotiation());
                                }
                                steps.record("contract.offered", a.negotiation(), offerJson);
                                return act(next, a.negotiation(), asRequested);
                            });
                }));
    }

    /** A {@code ContractNegotiationEventMessage}: only {@code FINALIZED} may come from a provider. */
    public Result<ContractNegotiation> onEvent(Counterparty from, String consumerPid, DspMessage message) {
        Event event = "FINALIZED".equals(message.text("eventType").orElse("")) ? Event.FINALIZE : Event.ACCEPT;
        return tx.attempt(t -> steps.own(ProcessRole.CONSUMER, consumerPid, from)
                .flatMap(n -> ProviderNegotiations.samePids(n, message))
                .flatMap(n -> steps.advance(n, event, ProcessRole.PROVIDER))
                .map(a -> {
                    if (a.changed()) {
                        steps.record("contract.finalized", a.negotiation(), null);
                    }
                    return a.negotiation();
                }));
    }

    /** A {@code ContractNegotiationTerminationMessage} from the provider. */
    public Result<ContractNegotiation> onTermination(Counterparty from, String consumerPid, DspMessage message) {
        return tx.attempt(t -> steps.own(ProcessRole.CONSUMER, consumerPid, from)
                .flatMap(n -> ProviderNegotiations.samePids(n, message))
                .flatMap(n -> Terminations.byCounterparty(steps, n, message)));
    }

    /** {@code GET /negotiations/{consumerPid}} on the consumer's callback: the negotiation, to its provider only. */
    public Result<ContractNegotiation> find(Counterparty from, String consumerPid) {
        return steps.own(ProcessRole.CONSUMER, consumerPid, from);
    }

    /** The consumer ends a negotiation (management API); the provider is told once its pid is known. */
    public Result<ContractNegotiation> terminate(String consumerPid, String reason) {
        return tx.attempt(t -> steps.store()
                .find(consumerPid)
                .filter(n -> n.role() == ProcessRole.CONSUMER)
                .<Result<ContractNegotiation>>map(n -> Terminations.byUs(
                        steps,
                        n,
                        reason,
                        n.providerPid() == null
                                ? null
                                : NegotiationSteps.providerEndpoint(n.counterpartyAddress(), n.providerPid())))
                .orElseGet(() -> Result.fail(
                        Problem.notFound("dsp-unknown-process", "no consumer negotiation " + consumerPid))));
    }

    /** Negotiations this connector started, newest change first. */
    public List<ContractNegotiation> list(NegotiationState state, int limit) {
        return steps.store().list(ProcessRole.CONSUMER, state, limit);
    }

    private Result<Policy> checkAgreement(ContractNegotiation n, ObjectNode agreementJson) {
        Result<Policy> read = policies.read(agreementJson);
        if (!read.isOk()) {
            return read;
        }
        Policy agreement = read.value();
        Optional<String> wrong =
                mismatch(n, agreement, policies.readStored(n.offer()).orElseThrow());
        return wrong.<Result<Policy>>map(why -> Result.fail(Problem.invalidInput(
                        "dsp-agreement-mismatch", "the agreement for negotiation " + n.id() + " is refused: " + why)))
                .orElseGet(() -> Result.ok(agreement));
    }

    /** Why {@code agreement} is not the agreement {@code n} asked for, if it is not. */
    private Optional<String> mismatch(ContractNegotiation n, Policy agreement, Policy offered) {
        if (agreement.type() != PolicyType.AGREEMENT) {
            return Optional.of("it is not an Agreement");
        }
        if (!n.target().equals(agreement.target())) {
            return Optional.of("its target " + agreement.target() + " is not " + n.target());
        }
        if (!n.counterpartyId().equals(agreement.assigner())) {
            return Optional.of("its assigner " + agreement.assigner() + " is not the provider " + n.counterpartyId());
        }
        if (!steps.self().equals(agreement.assignee())) {
            return Optional.of("its assignee " + agreement.assignee() + " is not " + steps.self());
        }
        if (!agreement.permissions().equals(offered.permissions())
                || !agreement.prohibitions().equals(offered.prohibitions())
                || !agreement.obligations().equals(offered.obligations())) {
            return Optional.of("its terms differ from offer " + n.offerId());
        }
        return Optional.empty();
    }

    private static boolean sameTerms(Policy offer, Policy requested, String target) {
        return offer.permissions().equals(requested.permissions())
                && offer.prohibitions().equals(requested.prohibitions())
                && offer.obligations().equals(requested.obligations())
                && (offer.target() == null || offer.target().equals(target));
    }

    private Result<ContractNegotiation> act(ConsumerReaction.Next next, ContractNegotiation n, boolean asRequested) {
        String provider = NegotiationSteps.providerEndpoint(n.counterpartyAddress(), n.providerPid());
        return switch (next) {
            case WAIT -> Result.ok(n);
            case VERIFY ->
                moveAndSend(
                        n,
                        Event.VERIFY,
                        provider + "/agreement/verification",
                        DspMessages.agreementVerification(n.providerPid(), n.consumerPid()));
            case ACCEPT ->
                moveAndSend(
                                n,
                                Event.ACCEPT,
                                provider + "/events",
                                DspMessages.negotiationEvent(
                                        n.providerPid(), n.consumerPid(), NegotiationState.ACCEPTED))
                        .map(accepted -> recorded("contract.accepted", accepted));
            case REQUEST ->
                moveAndSend(
                                n,
                                Event.REQUEST,
                                provider + "/request",
                                DspMessages.contractRequest(
                                        n.consumerPid(), n.providerPid(), policies.readStoredJson(n.offer()), null))
                        .map(requested -> recorded("contract.requested", requested));
            case TERMINATE ->
                Terminations.byUs(
                        steps,
                        n,
                        asRequested
                                ? "the consumer declined"
                                : "the offer's terms differ from the terms requested in offer " + n.offerId(),
                        provider);
        };
    }

    private ContractNegotiation recorded(String type, ContractNegotiation n) {
        steps.record(type, n, null);
        return n;
    }

    /** This consumer's own step: the move and the message that tells the provider, in the caller's unit of work. */
    private Result<ContractNegotiation> moveAndSend(
            ContractNegotiation n, Event event, String url, ObjectNode message) {
        return steps.advance(n, event, ProcessRole.CONSUMER).map(a -> {
            steps.send(a.negotiation(), url, message);
            return a.negotiation();
        });
    }
}
