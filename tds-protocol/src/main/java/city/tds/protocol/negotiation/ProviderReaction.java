package city.tds.protocol.negotiation;

/**
 * What the provider does at each point of a negotiation where the protocol leaves the next step to it. The production
 * reaction ({@link #AGREE}) agrees to every request that passed the offer's policy for this consumer (what the policy
 * leaves open, such as purpose, counts and time, is enforced at every use) and finalizes once the consumer verified.
 */
@FunctionalInterface
public interface ProviderReaction {

    /** What to do next with {@code negotiation}, for {@code offer} of {@code consumer}, at {@code moment}. */
    Next next(Moment moment, ContractNegotiation negotiation, Offer offer, Counterparty consumer);

    /** The points where the provider decides. */
    enum Moment {
        /** A consumer's opening request was taken (the negotiation is REQUESTED). */
        REQUESTED,
        /** A consumer answered an offer with a request of its own (REQUESTED again). */
        COUNTER_REQUESTED,
        /** The consumer accepted the provider's offer (ACCEPTED). */
        ACCEPTED,
        /** The consumer verified the agreement (VERIFIED). */
        VERIFIED
    }

    enum Next {
        /** Offer the terms as offered in the catalog (a {@code ContractOfferMessage}); after a request only. */
        OFFER,
        /** Send the agreement; after a request or an acceptance. */
        AGREE,
        /** Send the finalized event; after a verification only. */
        FINALIZE,
        /** End the negotiation and tell the consumer. */
        TERMINATE,
        /** Leave the negotiation as it is; a later step (an operator, a script) decides. */
        WAIT
    }

    ProviderReaction AGREE =
            (moment, negotiation, offer, consumer) -> moment == Moment.VERIFIED ? Next.FINALIZE : Next.AGREE;
}
