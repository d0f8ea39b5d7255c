package city.tds.protocol.negotiation;

import city.tds.core.Result;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessages;
import city.tds.protocol.NegotiationState.Event;
import java.util.List;

/** Ending a negotiation, by the counterparty's message or by this connector. */
final class Terminations {

    private Terminations() {}

    /** The counterparty terminated: record why, and stop sending it anything more for this negotiation. */
    static Result<ContractNegotiation> byCounterparty(
            NegotiationSteps steps, ContractNegotiation n, DspMessage message) {
        String reason = message.reason().orElse("terminated by the counterparty");
        return steps.advance(n, Event.TERMINATE, n.role().other(), m -> m.withReason(reason))
                .map(a -> {
                    if (a.changed()) {
                        steps.store().deleteAllOf(n.id());
                        steps.record("contract.terminated", a.negotiation(), null);
                    }
                    return a.negotiation();
                });
    }

    /** This connector terminates, and tells the counterparty at {@code counterpartyEndpoint}. */
    static Result<ContractNegotiation> byUs(
            NegotiationSteps steps, ContractNegotiation n, String reason, String counterpartyEndpoint) {
        return steps.advance(n, Event.TERMINATE, n.role(), m -> m.withReason(reason))
                .map(a -> {
                    if (a.changed()) {
                        steps.store().deleteAllOf(n.id());
                        if (counterpartyEndpoint != null && a.negotiation().counterpartyPid() != null) {
                            steps.send(
                                    a.negotiation(),
                                    counterpartyEndpoint + "/termination",
                                    DspMessages.negotiationTermination(
                                            a.negotiation().providerPid(),
                                            a.negotiation().consumerPid(),
                                            "terminated",
                                            List.of(reason)));
                        }
                        steps.record("contract.terminated", a.negotiation(), null);
                    }
                    return a.negotiation();
                });
    }
}
