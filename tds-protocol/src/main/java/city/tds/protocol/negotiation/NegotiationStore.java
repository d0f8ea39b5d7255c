package city.tds.protocol.negotiation;

import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where negotiations, agreements and outbound messages are kept. Every call joins the caller's unit of work when one
 * is open; writes of one change commit together.
 */
public interface NegotiationStore {

    /** Stores a new negotiation; false when one with the same role, counterparty and consumerPid exists. */
    boolean insert(ContractNegotiation negotiation);

    /** Replaces the negotiation if it is still at {@code expectedVersion}; false when someone changed it first. */
    boolean update(ContractNegotiation negotiation, long expectedVersion);

    Optional<ContractNegotiation> find(String id);

    /**
     * Sets the provider's pid of consumer-side negotiation {@code id} if it has none yet, in one conditional write;
     * false if it had one already or is not a consumer's negotiation. The version stays: the pid is learnt, not a
     * change another writer must see (a handler that moves the negotiation meanwhile carries the pid of its message).
     */
    boolean learnProviderPid(String id, String providerPid);

    /** The negotiation a counterparty opened with {@code consumerPid}, on the given side. */
    Optional<ContractNegotiation> findByConsumerPid(ProcessRole role, String counterpartyId, String consumerPid);

    /** Negotiations on one side, newest change first; {@code state} may be null for all. */
    List<ContractNegotiation> list(ProcessRole role, NegotiationState state, int limit);

    void insertAgreement(Agreement agreement);

    Optional<Agreement> findAgreement(String id);

    /** Records that an agreement ended; false if its end was recorded before. */
    boolean insertTermination(AgreementTermination termination);

    /** How an agreement ended, if it did. */
    Optional<AgreementTermination> termination(String agreementId);

    /** Agreements a participant is party to (as provider or consumer), newest first. */
    List<Agreement> agreementsOf(String participantId, int limit);

    void enqueue(OutboundMessage message);

    /**
     * Messages due at {@code now}, oldest first, at most one per process (the oldest of each), so that a process's
     * messages are delivered in order.
     */
    List<OutboundMessage> due(Instant now, int limit);

    /**
     * Records a failed attempt and drops the claim; the message stays queued until {@code nextAttemptAt}. With a
     * {@code claim}, only while that claim holds (false otherwise: another replica owns the message now).
     */
    boolean reschedule(OutboundMessage message, String claim);

    /** Deletes a delivered message; with a {@code claim}, only while that claim holds (false otherwise). */
    boolean delete(String messageId, String claim);

    /**
     * Claims up to {@code limit} messages due at {@code now} — the oldest queued message of each process, not claimed
     * by anyone (or whose claim ran out) — for {@code claim} until {@code until}, and returns them. Of replicas
     * claiming at once, each message goes to one. A rescheduled message loses its claim; a delivered one is deleted.
     */
    List<OutboundMessage> claimDue(Instant now, String claim, Instant until, int limit);

    /** Drops every queued message of a process, e.g. once it has given up on delivering. */
    int deleteAllOf(String processId);

    /** How many messages are queued, for metrics and tests. */
    int queued();
}
