package city.tds.protocol.negotiation;

import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/** {@link NegotiationStore} on the {@code dsp_*} tables, through the unit of work. */
public final class JdbiNegotiationStore implements NegotiationStore {

    private static final String COLUMNS = "id, role, provider_pid, consumer_pid, counterparty_id,"
            + " counterparty_address, state, offer_id, target, offer, agreement_id, reason, version, created_at,"
            + " updated_at";

    private final JdbiUnitOfWork db;

    public JdbiNegotiationStore(Database database) {
        this.db = database.unitOfWork();
    }

    @Override
    public boolean insert(ContractNegotiation n) {
        return db.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO dsp_negotiation (" + COLUMNS + ") SELECT :id, :role,"
                                        + " :providerPid, :consumerPid, :counterpartyId, :counterpartyAddress, :state,"
                                        + " :offerId, :target, :offer, :agreementId, :reason, :version, :createdAt,"
                                        + " :updatedAt WHERE NOT EXISTS (SELECT 1 FROM dsp_negotiation WHERE"
                                        + " role = :role AND counterparty_id = :counterpartyId"
                                        + " AND consumer_pid = :consumerPid)"),
                                n)
                        .execute())
                == 1;
    }

    @Override
    public boolean update(ContractNegotiation n, long expectedVersion) {
        return db.withHandle(h -> bind(
                                h.createUpdate("UPDATE dsp_negotiation SET provider_pid = :providerPid,"
                                        + " counterparty_address = :counterpartyAddress, state = :state,"
                                        + " offer_id = :offerId, offer = :offer, agreement_id = :agreementId,"
                                        + " reason = :reason, version = :version, updated_at = :updatedAt"
                                        + " WHERE id = :id AND version = :expected"),
                                n)
                        .bind("expected", expectedVersion)
                        .execute())
                == 1;
    }

    private static <S extends SqlStatement<S>> S bind(S s, ContractNegotiation n) {
        return s.bind("id", n.id())
                .bind("role", n.role().name())
                .bind("providerPid", n.providerPid())
                .bind("consumerPid", n.consumerPid())
                .bind("counterpartyId", n.counterpartyId())
                .bind("counterpartyAddress", n.counterpartyAddress())
                .bind("state", n.state().name())
                .bind("offerId", n.offerId())
                .bind("target", n.target())
                .bind("offer", n.offer())
                .bind("agreementId", n.agreementId())
                .bind("reason", n.reason())
                .bind("version", n.version())
                .bind("createdAt", Timestamps.toDb(n.createdAt()))
                .bind("updatedAt", Timestamps.toDb(n.updatedAt()));
    }

    @Override
    public boolean learnProviderPid(String id, String providerPid) {
        return db.withHandle(h -> h.createUpdate("UPDATE dsp_negotiation SET provider_pid = :providerPid"
                                + " WHERE id = :id AND role = 'CONSUMER'"
                                + " AND provider_pid IS NULL")
                        .bind("id", id)
                        .bind("providerPid", providerPid)
                        .execute())
                == 1;
    }

    @Override
    public Optional<ContractNegotiation> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_negotiation WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> negotiation(rs))
                .findOne());
    }

    @Override
    public Optional<ContractNegotiation> findByConsumerPid(
            ProcessRole role, String counterpartyId, String consumerPid) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_negotiation WHERE role = :role"
                        + " AND counterparty_id = :counterpartyId AND consumer_pid = :consumerPid")
                .bind("role", role.name())
                .bind("counterpartyId", counterpartyId)
                .bind("consumerPid", consumerPid)
                .map((rs, ctx) -> negotiation(rs))
                .findOne());
    }

    @Override
    public List<ContractNegotiation> list(ProcessRole role, NegotiationState state, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_negotiation WHERE role = :role"
                        + (state == null ? "" : " AND state = :state") + " ORDER BY updated_at DESC, id DESC"
                        + " LIMIT :limit")
                .bind("role", role.name())
                .bind("state", state == null ? null : state.name())
                .bind("limit", limit)
                .map((rs, ctx) -> negotiation(rs))
                .list());
    }

    private static ContractNegotiation negotiation(ResultSet rs) throws SQLException {
        return new ContractNegotiation(
                rs.getString("id"),
                ProcessRole.valueOf(rs.getString("role")),
                rs.getString("provider_pid"),
                rs.getString("consumer_pid"),
                rs.getString("counterparty_id"),
                rs.getString("counterparty_address"),
                NegotiationState.valueOf(rs.getString("state")),
                rs.getString("offer_id"),
                rs.getString("target"),
                rs.getString("offer"),
                rs.getString("agreement_id"),
                rs.getString("reason"),
                rs.getLong("version"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }

    // agreements

    private static final String AGREEMENT_COLUMNS =
            "id, negotiation_id, provider_id, consumer_id, target, policy, agreed_at";

    @Override
    public void insertAgreement(Agreement a) {
        db.withHandle(h -> h.createUpdate("INSERT INTO dsp_agreement (" + AGREEMENT_COLUMNS + ") VALUES (:id,"
                        + " :negotiationId, :providerId, :consumerId, :target, :policy, :agreedAt)")
                .bind("id", a.id())
                .bind("negotiationId", a.negotiationId())
                .bind("providerId", a.providerId())
                .bind("consumerId", a.consumerId())
                .bind("target", a.target())
                .bind("policy", a.policy())
                .bind("agreedAt", Timestamps.toDb(a.agreedAt()))
                .execute());
    }

    @Override
    public Optional<Agreement> findAgreement(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + AGREEMENT_COLUMNS + " FROM dsp_agreement WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> agreement(rs))
                .findOne());
    }

    @Override
    public boolean insertTermination(AgreementTermination t) {
        return db.withHandle(h -> h.createUpdate(
                                "INSERT INTO dsp_agreement_termination (agreement_id, terminated_by,"
                                        + " reason, terminated_at) VALUES (:agreement, :by, :reason, :at) ON CONFLICT DO NOTHING")
                        .bind("agreement", t.agreementId())
                        .bind("by", t.terminatedBy())
                        .bind("reason", t.reason())
                        .bind("at", Timestamps.toDb(t.at()))
                        .execute())
                == 1;
    }

    @Override
    public Optional<AgreementTermination> termination(String agreementId) {
        return db.withHandle(h -> h.createQuery("SELECT agreement_id, terminated_by, reason, terminated_at"
                        + " FROM dsp_agreement_termination WHERE agreement_id = :agreement")
                .bind("agreement", agreementId)
                .map((rs, ctx) -> new AgreementTermination(
                        rs.getString("agreement_id"),
                        rs.getString("terminated_by"),
                        rs.getString("reason"),
                        Timestamps.read(rs, "terminated_at")))
                .findOne());
    }

    @Override
    public List<Agreement> agreementsOf(String participantId, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + AGREEMENT_COLUMNS + " FROM dsp_agreement WHERE"
                        + " provider_id = :p OR consumer_id = :p ORDER BY agreed_at DESC, id DESC LIMIT :limit")
                .bind("p", participantId)
                .bind("limit", limit)
                .map((rs, ctx) -> agreement(rs))
                .list());
    }

    private static Agreement agreement(ResultSet rs) throws SQLException {
        return new Agreement(
                rs.getString("id"),
                rs.getString("negotiation_id"),
                rs.getString("provider_id"),
                rs.getString("consumer_id"),
                rs.getString("target"),
                rs.getString("policy"),
                Timestamps.read(rs, "agreed_at"));
    }

    // outbox

    private static final String OUTBOX_COLUMNS =
            "id, process_id, target_url, message, attempts, next_attempt_at, last_error, created_at";
    /** Due now, unclaimed (or its claim ran out), and the oldest queued message of its process. */
    private static final String DUE = "o.next_attempt_at <= :now"
            + " AND (o.claimed_until IS NULL OR o.claimed_until <= :now)"
            + " AND NOT EXISTS (SELECT 1 FROM dsp_outbox e WHERE e.process_id = o.process_id AND e.id < o.id)";

    @Override
    public void enqueue(OutboundMessage m) {
        db.withHandle(h -> h.createUpdate("INSERT INTO dsp_outbox (" + OUTBOX_COLUMNS + ") VALUES (:id, :processId,"
                        + " :targetUrl, :message, :attempts, :nextAttemptAt, :lastError, :createdAt)")
                .bind("id", m.id())
                .bind("processId", m.processId())
                .bind("targetUrl", m.targetUrl())
                .bind("message", m.message())
                .bind("attempts", m.attempts())
                .bind("nextAttemptAt", Timestamps.toDb(m.nextAttemptAt()))
                .bind("lastError", m.lastError())
                .bind("createdAt", Timestamps.toDb(m.createdAt()))
                .execute());
    }

    @Override
    public List<OutboundMessage> due(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + OUTBOX_COLUMNS + " FROM dsp_outbox o WHERE " + DUE
                        + " ORDER BY o.next_attempt_at, o.id LIMIT :limit")
                .bind("now", Timestamps.toDb(now))
                .bind("limit", limit)
                .map(JdbiNegotiationStore::outbound)
                .list());
    }

    @Override
    public List<OutboundMessage> claimDue(Instant now, String claim, Instant until, int limit) {
        return db.withHandle(h -> {
            // the claim condition is repeated outside the subquery: a replica that claimed a row first makes
            // another's concurrent update of it match nothing (PostgreSQL re-checks the outer condition on the
            // row it waited for)
            int claimed = h.createUpdate("UPDATE dsp_outbox SET claimed_by = :claim, claimed_until = :until"
                            + " WHERE (claimed_until IS NULL OR claimed_until <= :now) AND id IN (SELECT o.id"
                            + " FROM dsp_outbox o WHERE " + DUE + " ORDER BY o.next_attempt_at, o.id LIMIT :limit)")
                    .bind("claim", claim)
                    .bind("until", Timestamps.toDb(until))
                    .bind("now", Timestamps.toDb(now))
                    .bind("limit", limit)
                    .execute();
            if (claimed == 0) {
                return List.<OutboundMessage>of();
            }
            return h.createQuery("SELECT " + OUTBOX_COLUMNS + " FROM dsp_outbox WHERE claimed_by = :claim"
                            + " ORDER BY next_attempt_at, id")
                    .bind("claim", claim)
                    .map(JdbiNegotiationStore::outbound)
                    .list();
        });
    }

    private static OutboundMessage outbound(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new OutboundMessage(
                rs.getString("id"),
                rs.getString("process_id"),
                rs.getString("target_url"),
                rs.getString("message"),
                rs.getInt("attempts"),
                Timestamps.read(rs, "next_attempt_at"),
                rs.getString("last_error"),
                Timestamps.read(rs, "created_at"));
    }

    @Override
    public boolean reschedule(OutboundMessage m, String claim) {
        return db.withHandle(h -> {
                    Update update = h.createUpdate("UPDATE dsp_outbox SET attempts = :attempts,"
                                    + " next_attempt_at = :nextAttemptAt, last_error = :lastError, claimed_by = NULL,"
                                    + " claimed_until = NULL WHERE id = :id" + ifClaimed(claim))
                            .bind("id", m.id())
                            .bind("attempts", m.attempts())
                            .bind("nextAttemptAt", Timestamps.toDb(m.nextAttemptAt()))
                            .bind("lastError", m.lastError());
                    return (claim == null ? update : update.bind("claim", claim)).execute();
                })
                > 0;
    }

    @Override
    public boolean delete(String messageId, String claim) {
        return db.withHandle(h -> {
                    Update update = h.createUpdate("DELETE FROM dsp_outbox WHERE id = :id" + ifClaimed(claim))
                            .bind("id", messageId);
                    return (claim == null ? update : update.bind("claim", claim)).execute();
                })
                > 0;
    }

    private static String ifClaimed(String claim) {
        return claim == null ? "" : " AND claimed_by = :claim";
    }

    @Override
    public int deleteAllOf(String processId) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM dsp_outbox WHERE process_id = :p")
                .bind("p", processId)
                .execute());
    }

    @Override
    public int queued() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dsp_outbox")
                .mapTo(Integer.class)
                .one());
    }
}
