package city.tds.server.dataplane;

import city.tds.core.Result;
import city.tds.dataplane.received.AgreementTerms;
import city.tds.policy.Policy;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.NegotiationStore;
import java.util.Optional;

/** The agreements of this connector's negotiation store, as the consumer's copies are enforced under them. */
final class ProtocolAgreementTerms implements AgreementTerms {

    private final NegotiationStore store;
    private final DspPolicies policies = new DspPolicies();

    ProtocolAgreementTerms(NegotiationStore store) {
        this.store = store;
    }

    @Override
    public Optional<Terms> of(String agreementId) {
        Optional<Agreement> agreement = store.findAgreement(agreementId);
        if (agreement.isEmpty()) {
            return Optional.empty();
        }
        Result<Policy> policy = policies.readStored(agreement.get().policy());
        if (!policy.isOk()) {
            return Optional.empty();
        }
        String ended = store.termination(agreementId)
                .map(t -> "terminated by " + t.terminatedBy() + " at " + t.at() + ": " + t.reason())
                .or(() -> store.find(agreement.get().negotiationId())
                        .filter(n -> n.state() == NegotiationState.TERMINATED)
                        .map(n -> "its negotiation was terminated: " + n.reason()))
                .orElse(null);
        return Optional.of(new Terms(
                agreementId,
                agreement.get().providerId(),
                policy.value(),
                agreement.get().agreedAt(),
                ended));
    }
}
