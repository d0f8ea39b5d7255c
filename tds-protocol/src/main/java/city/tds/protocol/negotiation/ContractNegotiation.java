package city.tds.protocol.negotiation;

import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import java.time.Instant;
import java.util.Objects;

/**
 * One contract negotiation as this connector holds it, on either side.
 *
 * @param id this connector's process id: the {@code providerPid} when it is the provider, the {@code consumerPid}
 *     when it is the consumer
 * @param role which side this connector is on
 * @param providerPid the provider's process id; {@code null} on the consumer side until the provider has answered
 * @param consumerPid the consumer's process id
 * @param counterpartyId the participant on the other side
 * @param counterpartyAddress where messages to the other side go: the consumer's {@code callbackAddress} or the
 *     provider's DSP base URL
 * @param offerId the offer negotiated for
 * @param target the dataset (product) the offer is for
 * @param offer the offer as the DSP message carried it (JSON)
 * @param agreementId the agreement's id, once agreed
 * @param reason why it was terminated, when it was
 * @param version increases with every change; updates are conditional on it
 */
public record ContractNegotiation(
        String id,
        ProcessRole role,
        String providerPid,
        String consumerPid,
        String counterpartyId,
        String counterpartyAddress,
        NegotiationState state,
        String offerId,
        String target,
        String offer,
        String agreementId,
        String reason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ContractNegotiation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(consumerPid, "consumerPid");
        Objects.requireNonNull(counterpartyId, "counterpartyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(offer, "offer");
    }

    /** The counterparty's process id, if known. */
    public String counterpartyPid() {
        return role == ProcessRole.PROVIDER ? consumerPid : providerPid;
    }

    /** The next version of this negotiation, in {@code next}, changed at {@code at}. */
    public ContractNegotiation moved(NegotiationState next, Instant at) {
        return copy(providerPid, next, offerId, offer, agreementId, reason, version + 1, at);
    }

    public ContractNegotiation withProviderPid(String pid) {
        return copy(pid, state, offerId, offer, agreementId, reason, version, updatedAt);
    }

    public ContractNegotiation withAgreementId(String agreement) {
        return copy(providerPid, state, offerId, offer, agreement, reason, version, updatedAt);
    }

    public ContractNegotiation withReason(String why) {
        return copy(providerPid, state, offerId, offer, agreementId, why, version, updatedAt);
    }

    public ContractNegotiation withOffer(String newOfferId, String newOffer) {
        return copy(providerPid, state, newOfferId, newOffer, agreementId, reason, version, updatedAt);
    }

    /** This negotiation with the fields that change over its life replaced; the rest is fixed when it opens. */
    private ContractNegotiation copy(
            String newProviderPid,
            NegotiationState newState,
            String newOfferId,
            String newOffer,
            String newAgreementId,
            String newReason,
            long newVersion,
            Instant newUpdatedAt) {
        return new ContractNegotiation(
                id,
                role,
                newProviderPid,
                consumerPid,
                counterpartyId,
                counterpartyAddress,
                newState,
                newOfferId,
                target,
                newOffer,
                newAgreementId,
                newReason,
                newVersion,
                createdAt,
                newUpdatedAt);
    }
}
