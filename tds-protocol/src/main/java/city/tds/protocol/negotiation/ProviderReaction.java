package city.tds.protocol.negotiation;

/**
 * What the provider does once a consumer's request has been accepted for negotiation. The production reaction
 * ({@link #AGREE}) agrees at once: the request already passed the policy for this consumer, and what the policy
 * leaves open (purpose, counts, time) is enforced at every use.
 */
@FunctionalInterface
public interface ProviderReaction {

    /** What to do next with {@code negotiation}, requested for {@code offer} by {@code consumer}. */
    Next next(ContractNegotiation negotiation, Offer offer, Counterparty consumer);

    enum Next {
        /** Send the agreement now. */
        AGREE,
        /** Leave the negotiation REQUESTED; an operator (or a later step) decides. */
        WAIT
    }

    ProviderReaction AGREE = (negotiation, offer, consumer) -> Next.AGREE;
}
