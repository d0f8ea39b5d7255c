package city.tds.protocol.negotiation;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.tx.UnitOfWork;
import city.tds.policy.Decision;
import city.tds.policy.Policy;
import city.tds.policy.PolicyType;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.NegotiationState.Event;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.negotiation.ProviderReaction.Moment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The provider's side of contract negotiation: takes a consumer's request for an offer it made, checks the offer's
 * policy against the consumer's credential, and then offers, agrees, finalizes or terminates as its {@link
 * ProviderReaction} decides at each step (in production: agrees at once, finalizes once the consumer verified). Each
 * handler runs in one unit of work: the state change, the agreement, the message to the consumer (queued) and the
 * evidence commit together, or nothing does.
 */
public final class ProviderNegotiations {

    private final NegotiationSteps steps;
    private final UnitOfWork tx;
    private final OfferDirectory offers;
    private final ProviderReaction reaction;
    private final DspPolicies policies = new DspPolicies();

    public ProviderNegotiations(NegotiationContext context, OfferDirectory offers, ProviderReaction reaction) {
        this.steps = context.steps();
        this.tx = context.tx();
        this.offers = offers;
        this.reaction = reaction;
    }

    /**
     * A {@code ContractRequestMessage}: one without {@code providerPid} opens a negotiation (a retry of the same request
     * finds the one it opened); one with it is a counter-request to an offer.
     *
     * @return the negotiation as the request left it (REQUESTED), for the 201 answer
     */
    public Result<ContractNegotiation> onRequest(Counterparty from, DspMessage request) {
        String consumerPid = request.text("consumerPid").orElseThrow();
        Optional<String> providerPid = request.text("providerPid");
        ObjectNode offerJson = request.object("offer").orElseThrow();
        if (providerPid.isPresent()) {
            return tx.attempt(t -> steps.own(ProcessRole.PROVIDER, providerPid.get(), from)
                    .flatMap(n -> samePids(n, request))
                    .flatMap(n -> checkOffer(from, offerJson)
                            .flatMap(offer -> steps.advance(
                                            n,
                                            Event.REQUEST,
                                            ProcessRole.CONSUMER,
                                            m -> m.withOffer(offer.id(), offerJson.toString()))
                                    .flatMap(a -> {
                                        if (!a.changed()) {
                                            return Result.ok(a.negotiation());
                                        }
                                        steps.record("contract.requested", a.negotiation(), offerJson);
                                        return react(Moment.COUNTER_REQUESTED, a.negotiation(), offer, from);
                                    }))));
        }
        return tx.attempt(t -> {
            Optional<ContractNegotiation> existing =
                    steps.store().findByConsumerPid(ProcessRole.PROVIDER, from.participantId(), consumerPid);
            if (existing.isPresent()) {
                return sameOpening(existing.get(), offerJson);
            }
            Result<Offer> offer = checkOffer(from, offerJson);
            if (!offer.isOk()) {
                return Result.fail(offer.problem());
            }
            String pid = steps.newPid();
            ContractNegotiation opened = new ContractNegotiation(
                    pid,
                    ProcessRole.PROVIDER,
                    pid,
                    consumerPid,
                    from.participantId(),
                    request.text("callbackAddress").orElseThrow(),
                    NegotiationState.REQUESTED,
                    offer.value().id(),
                    offer.value().target(),
                    offerJson.toString(),
                    null,
                    null,
                    0,
                    steps.now(),
                    steps.now());
            if (!steps.store().insert(opened)) {
                return sameOpening(
                        steps.store()
                                .findByConsumerPid(ProcessRole.PROVIDER, from.participantId(), consumerPid)
                                .orElseThrow(),
                        offerJson);
            }
            steps.record("contract.requested", opened, null);
            Result<ContractNegotiation> reacted = react(Moment.REQUESTED, opened, offer.value(), from);
            return reacted.isOk() ? Result.ok(opened) : reacted;
        });
    }

    /**
     * A {@code ContractAgreementVerificationMessage}: the consumer verified; the provider finalizes (unless its
     * reaction says otherwise). An offer delisted since the agreement does not stop finalizing what was agreed.
     */
    public Result<ContractNegotiation> onVerification(Counterparty from, String providerPid, DspMessage message) {
        return tx.attempt(t -> steps.own(ProcessRole.PROVIDER, providerPid, from)
                .flatMap(n -> samePids(n, message))
                .flatMap(n -> steps.advance(n, Event.VERIFY, ProcessRole.CONSUMER))
                .flatMap(a -> {
                    if (!a.changed()) {
                        return Result.ok(a.negotiation());
                    }
                    Optional<Offer> offer = offers.find(a.negotiation().offerId());
                    return offer.isPresent()
                            ? react(Moment.VERIFIED, a.negotiation(), offer.get(), from)
                            : finalize(a.negotiation());
                }));
    }

    /** A {@code ContractNegotiationEventMessage}: only {@code ACCEPTED} may come from a consumer. */
    public Result<ContractNegotiation> onEvent(Counterparty from, String providerPid, DspMessage message) {
        Event event = "ACCEPTED".equals(message.text("eventType").orElse("")) ? Event.ACCEPT : Event.FINALIZE;
        return tx.attempt(t -> steps.own(ProcessRole.PROVIDER, providerPid, from)
                .flatMap(n -> samePids(n, message))
                .flatMap(n -> steps.advance(n, event, ProcessRole.CONSUMER).flatMap(a -> {
                    if (!a.changed()) {
                        return Result.ok(a.negotiation());
                    }
                    if (event == Event.ACCEPT) {
                        steps.record("contract.accepted", a.negotiation(), null);
                    }
                    Optional<Offer> offer = offers.find(a.negotiation().offerId());
                    return offer.isPresent()
                            ? react(Moment.ACCEPTED, a.negotiation(), offer.get(), from)
                            : Result.ok(a.negotiation());
                })));
    }

    /** A {@code ContractNegotiationTerminationMessage} from the consumer. */
    public Result<ContractNegotiation> onTermination(Counterparty from, String providerPid, DspMessage message) {
        return tx.attempt(t -> steps.own(ProcessRole.PROVIDER, providerPid, from)
                .flatMap(n -> samePids(n, message))
                .flatMap(n -> Terminations.byCounterparty(steps, n, message)));
    }

    /** {@code GET /negotiations/{providerPid}}: the negotiation, to its consumer only. */
    public Result<ContractNegotiation> find(Counterparty from, String providerPid) {
        return steps.own(ProcessRole.PROVIDER, providerPid, from);
    }

    /** The provider ends a negotiation (management API); the consumer is told. */
    public Result<ContractNegotiation> terminate(String providerPid, String reason) {
        return tx.attempt(t -> steps.store()
                .find(providerPid)
                .filter(n -> n.role() == ProcessRole.PROVIDER)
                .<Result<ContractNegotiation>>map(n -> Terminations.byUs(
                        steps, n, reason, NegotiationSteps.consumerEndpoint(n.counterpartyAddress(), n.consumerPid())))
                .orElseGet(() -> Result.fail(
                        Problem.notFound("dsp-unknown-process", "no provider negotiation " + providerPid))));
    }

    public List<ContractNegotiation> list(NegotiationState state, int limit) {
        return steps.store().list(ProcessRole.PROVIDER, state, limit);
    }

    private Result<Offer> checkOffer(Counterparty from, ObjectNode offerJson) {
        String offerId = offerJson.path("@id").asText();
        Optional<Offer> offer = offers.find(offerId);
        if (offer.isEmpty()) {
            return Result.fail(Problem.invalidInput(
                    "dsp-unknown-offer", "offer " + offerId + " was never offered by this connector"));
        }
        Result<Policy> requested = policies.read(offerJson);
        if (!requested.isOk()) {
            return Result.fail(requested.problem());
        }
        if (!sameTerms(requested.value(), offer.get().policy())) {
            return Result.fail(Problem.invalidInput(
                    "dsp-offer-changed",
                    "the request's terms differ from offer " + offerId + " as it was offered; request the offer as"
                            + " the catalog gives it"));
        }
        Decision decision = offer.get().compiled().decide(from.facts(steps.now()));
        if (!decision.possible()) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "dsp-policy-denied",
                    "offer " + offerId + " is not available to " + from.participantId() + ": "
                            + decision.explanation()));
        }
        return Result.ok(offer.get());
    }

    private static boolean sameTerms(Policy requested, Policy offered) {
        return requested.permissions().equals(offered.permissions())
                && requested.prohibitions().equals(offered.prohibitions())
                && requested.obligations().equals(offered.obligations())
                && requested.conflict() == offered.conflict()
                && (requested.target() == null || requested.target().equals(offered.target()));
    }

    private static Result<ContractNegotiation> sameOpening(ContractNegotiation existing, ObjectNode offerJson) {
        String offerId = offerJson.path("@id").asText();
        return existing.offerId().equals(offerId)
                ? Result.ok(existing)
                : Result.fail(Problem.conflict(
                        "dsp-duplicate-consumer-pid",
                        "consumerPid " + existing.consumerPid() + " already names negotiation " + existing.id()
                                + " for offer " + existing.offerId()));
    }

    static Result<ContractNegotiation> samePids(ContractNegotiation n, DspMessage message) {
        Optional<String> consumerPid = message.text("consumerPid");
        Optional<String> providerPid = message.text("providerPid");
        if (consumerPid.isPresent() && !consumerPid.get().equals(n.consumerPid())) {
            return Result.fail(Problem.invalidInput(
                    "dsp-pid-mismatch",
                    "consumerPid " + consumerPid.get() + " is not the consumer of negotiation " + n.id()));
        }
        if (providerPid.isPresent()
                && n.providerPid() != null
                && !providerPid.get().equals(n.providerPid())) {
            return Result.fail(Problem.invalidInput(
                    "dsp-pid-mismatch",
                    "providerPid " + providerPid.get() + " is not the provider of negotiation " + n.id()));
        }
        return Result.ok(n);
    }

    private Result<ContractNegotiation> react(
            Moment moment, ContractNegotiation n, Offer offer, Counterparty consumer) {
        return switch (reaction.next(moment, n, offer, consumer)) {
            case WAIT -> Result.ok(n);
            case OFFER -> offer(n, offer, consumer);
            case AGREE -> agree(n, offer, consumer);
            case FINALIZE -> finalize(n);
            case TERMINATE ->
                Terminations.byUs(
                        steps,
                        n,
                        "the provider declined the request for offer " + offer.id(),
                        NegotiationSteps.consumerEndpoint(n.counterpartyAddress(), n.consumerPid()));
        };
    }

    /** Offers the terms of {@code offer}, as the catalog gives them, to {@code consumer}. */
    private Result<ContractNegotiation> offer(ContractNegotiation n, Offer offer, Counterparty consumer) {
        ObjectNode offerJson = policies.write(termsOf(offer, offer.id(), PolicyType.OFFER, consumer));
        return steps.advance(n, Event.OFFER, ProcessRole.PROVIDER, m -> m.withOffer(offer.id(), offerJson.toString()))
                .map(a -> {
                    ContractNegotiation sent = a.negotiation();
                    steps.send(
                            sent,
                            NegotiationSteps.consumerEndpoint(sent.counterpartyAddress(), sent.consumerPid())
                                    + "/offers",
                            DspMessages.contractOffer(sent.id(), sent.consumerPid(), offerJson));
                    steps.record("contract.offered", sent, offerJson);
                    return sent;
                });
    }

    private Result<ContractNegotiation> agree(ContractNegotiation n, Offer offer, Counterparty consumer) {
        String agreementId = "urn:tds:agreement:" + steps.newId();
        ObjectNode agreementJson = policies.write(termsOf(offer, agreementId, PolicyType.AGREEMENT, consumer));
        agreementJson.put("timestamp", steps.now().toString());
        return steps.advance(n, Event.AGREE, ProcessRole.PROVIDER, m -> m.withAgreementId(agreementId))
                .map(a -> {
                    ContractNegotiation agreed = a.negotiation();
                    steps.store()
                            .insertAgreement(new Agreement(
                                    agreementId,
                                    agreed.id(),
                                    steps.self(),
                                    consumer.participantId(),
                                    offer.target(),
                                    agreementJson.toString(),
                                    steps.now()));
                    steps.send(
                            agreed,
                            NegotiationSteps.consumerEndpoint(agreed.counterpartyAddress(), agreed.consumerPid())
                                    + "/agreement",
                            DspMessages.contractAgreement(agreed.id(), agreed.consumerPid(), agreementJson));
                    steps.record("contract.agreed", agreed, agreementJson);
                    return agreed;
                });
    }

    /** The terms of {@code offer} as a policy {@code uid} of {@code type} from this provider to {@code consumer}. */
    private Policy termsOf(Offer offer, String uid, PolicyType type, Counterparty consumer) {
        Policy offered = offer.policy();
        return new Policy(
                uid,
                type,
                steps.self(),
                consumer.participantId(),
                offer.target(),
                offered.permissions(),
                offered.prohibitions(),
                offered.obligations(),
                offered.conflict());
    }

    private Result<ContractNegotiation> finalize(ContractNegotiation verified) {
        return steps.advance(verified, Event.FINALIZE, ProcessRole.PROVIDER).map(a -> {
            ContractNegotiation finalized = a.negotiation();
            steps.send(
                    finalized,
                    NegotiationSteps.consumerEndpoint(finalized.counterpartyAddress(), finalized.consumerPid())
                            + "/events",
                    DspMessages.negotiationEvent(finalized.id(), finalized.consumerPid(), NegotiationState.FINALIZED));
            steps.record("contract.finalized", finalized, null);
            return finalized;
        });
    }
}
