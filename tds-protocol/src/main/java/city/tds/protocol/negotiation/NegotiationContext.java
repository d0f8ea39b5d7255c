package city.tds.protocol.negotiation;

import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.core.tx.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * What both sides of negotiation share on one connector: the store and unit of work, ids, clock, evidence, the
 * participant the connector acts for and the DSP base URL its counterparties call back.
 *
 * @param self the participant id this connector negotiates for
 * @param selfAddress this connector's DSP base URL, e.g. {@code https://bank.example/api/dsp/2025-1}
 */
public record NegotiationContext(
        NegotiationStore store,
        UnitOfWork tx,
        IdGenerator ids,
        Clock clock,
        EvidenceRecorder evidence,
        String self,
        String selfAddress) {

    public NegotiationContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(selfAddress, "selfAddress");
    }

    NegotiationSteps steps() {
        return new NegotiationSteps(store, ids, clock, evidence, self);
    }
}
