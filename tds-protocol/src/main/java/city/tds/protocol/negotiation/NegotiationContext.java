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
 * @param onQueued run after a unit of work that queued messages commits, so that delivery need not wait for a poll
 */
public record NegotiationContext(
        NegotiationStore store,
        UnitOfWork tx,
        IdGenerator ids,
        Clock clock,
        EvidenceRecorder evidence,
        String self,
        String selfAddress,
        Runnable onQueued) {

    /** A context whose outbox is polled; nothing is told when a message is queued. */
    public NegotiationContext(
            NegotiationStore store,
            UnitOfWork tx,
            IdGenerator ids,
            Clock clock,
            EvidenceRecorder evidence,
            String self,
            String selfAddress) {
        this(store, tx, ids, clock, evidence, self, selfAddress, () -> {});
    }

    public NegotiationContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(selfAddress, "selfAddress");
        Objects.requireNonNull(onQueued, "onQueued");
    }

    NegotiationSteps steps() {
        return new NegotiationSteps(
                store,
                ids,
                clock,
                evidence,
                self,
                () -> tx.current().ifPresentOrElse(t -> t.afterCommit(onQueued), onQueued));
    }
}
