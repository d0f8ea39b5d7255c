package city.tds.protocol.negotiation;

/**
 * What the consumer does when the provider leaves the next step to it: after an offer (or counter-offer) and after an
 * agreement. The production reaction ({@link #AS_REQUESTED}) accepts an offer whose terms are the ones it requested,
 * declines (terminates) one whose terms differ, and verifies every agreement that passed its checks (an agreement
 * whose terms differ from the offer is refused before any reaction).
 */
@FunctionalInterface
public interface ConsumerReaction {

    /**
     * What to do next with {@code negotiation} at {@code moment}; {@code asRequested} says whether the offer received
     * has the terms this consumer last requested (always true for an agreement, which is checked before).
     */
    Next next(Moment moment, ContractNegotiation negotiation, boolean asRequested);

    /** The points where the consumer decides. */
    enum Moment {
        /** The provider sent an offer (the negotiation is OFFERED). */
        OFFERED,
        /** The provider sent an agreement that matches what was offered (AGREED). */
        AGREED
    }

    enum Next {
        /** Accept the offer (an {@code ACCEPTED} event); after an offer only. */
        ACCEPT,
        /** Answer the offer with a request for its terms (a counter-request); after an offer only. */
        REQUEST,
        /** Verify the agreement; after an agreement only. */
        VERIFY,
        /** End the negotiation and tell the provider. */
        TERMINATE,
        /** Leave the negotiation as it is; a later step decides. */
        WAIT
    }

    ConsumerReaction AS_REQUESTED = (moment, negotiation, asRequested) -> {
        if (moment == Moment.AGREED) {
            return Next.VERIFY;
        }
        return asRequested ? Next.ACCEPT : Next.TERMINATE;
    };
}
