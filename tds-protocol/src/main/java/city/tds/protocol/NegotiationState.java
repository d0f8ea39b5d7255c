package city.tds.protocol;

import city.tds.core.Result;
import java.util.EnumSet;
import java.util.Optional;

/** The states of a DSP contract negotiation, and the table of what moves it from one to another. */
public enum NegotiationState {
    REQUESTED,
    OFFERED,
    ACCEPTED,
    AGREED,
    VERIFIED,
    FINALIZED,
    TERMINATED;

    /** The messages that move a negotiation; {@code ACCEPTED} and {@code FINALIZED} events are event messages. */
    public enum Event {
        /** {@code ContractRequestMessage}: the consumer requests (or counter-requests) an offer. */
        REQUEST,
        /** {@code ContractOfferMessage}: the provider offers (or counter-offers). */
        OFFER,
        /** {@code ContractNegotiationEventMessage} with {@code eventType ACCEPTED}: the consumer accepts the offer. */
        ACCEPT,
        /** {@code ContractAgreementMessage}: the provider agrees. */
        AGREE,
        /** {@code ContractAgreementVerificationMessage}: the consumer verifies the agreement. */
        VERIFY,
        /** {@code ContractNegotiationEventMessage} with {@code eventType FINALIZED}: the provider finalizes. */
        FINALIZE,
        /** {@code ContractNegotiationTerminationMessage}: either side ends the negotiation. */
        TERMINATE
    }

    private static final EnumSet<NegotiationState> ACTIVE = EnumSet.complementOf(EnumSet.of(FINALIZED, TERMINATED));

    private static final Transitions<NegotiationState, Event> TABLE = new Transitions<>(
                    NegotiationState.class, Event.class, EnumSet.of(FINALIZED, TERMINATED), "contract negotiation")
            .starts(Event.REQUEST, REQUESTED)
            .starts(Event.OFFER, OFFERED)
            // a counter-request: a second one in REQUESTED would answer an offer that was never made
            .allowOnce(Event.REQUEST, ProcessRole.CONSUMER, EnumSet.of(OFFERED), REQUESTED)
            .allow(Event.OFFER, ProcessRole.PROVIDER, EnumSet.of(REQUESTED), OFFERED)
            .allow(Event.ACCEPT, ProcessRole.CONSUMER, EnumSet.of(OFFERED), ACCEPTED)
            .allow(Event.AGREE, ProcessRole.PROVIDER, EnumSet.of(REQUESTED, ACCEPTED), AGREED)
            .allow(Event.VERIFY, ProcessRole.CONSUMER, EnumSet.of(AGREED), VERIFIED)
            .allow(Event.FINALIZE, ProcessRole.PROVIDER, EnumSet.of(VERIFIED), FINALIZED)
            .allow(Event.TERMINATE, ProcessRole.PROVIDER, ACTIVE, TERMINATED)
            .allow(Event.TERMINATE, ProcessRole.CONSUMER, ACTIVE, TERMINATED);

    /** Whether the negotiation has ended (finalized or terminated); an ended negotiation never changes. */
    public boolean isTerminal() {
        return TABLE.terminal().contains(this);
    }

    /** What {@code event} from {@code sender} does to a negotiation in this state. */
    public Result<ProcessStep<NegotiationState>> apply(Event event, ProcessRole sender) {
        return TABLE.apply(this, event, sender);
    }

    /** The state a negotiation that {@code event} opens starts in; empty if it cannot open one. */
    public static Optional<NegotiationState> opening(Event event) {
        return TABLE.initialState(event);
    }

    /** The messages allowed now, for error messages. */
    public String allowed() {
        return TABLE.allowed(this);
    }

    /** The state as DSP writes it, e.g. {@code REQUESTED}; the compact form of {@code dspace:REQUESTED}. */
    public String dspName() {
        return name();
    }
}
