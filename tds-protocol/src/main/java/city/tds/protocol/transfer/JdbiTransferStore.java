package city.tds.protocol.transfer;

import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link TransferStore} on the {@code dsp_transfer} table, through the unit of work. */
public final class JdbiTransferStore implements TransferStore {

    private static final String COLUMNS = "id, role, provider_pid, consumer_pid, counterparty_id,"
            + " counterparty_address, state, agreement_id, format, data_address, reason, version, created_at,"
            + " updated_at";

    private final JdbiUnitOfWork db;

    public JdbiTransferStore(Database database) {
        this.db = database.unitOfWork();
    }

    @Override
    public boolean insert(TransferProcess t) {
        return db.withHandle(h -> bind(
                                h.createUpdate("INSERT INTO dsp_transfer (" + COLUMNS + ") SELECT :id, :role,"
                                        + " :providerPid, :consumerPid, :counterpartyId, :counterpartyAddress, :state,"
                                        + " :agreementId, :format, :dataAddress, :reason, :version, :createdAt,"
                                        + " :updatedAt WHERE NOT EXISTS (SELECT 1 FROM dsp_transfer WHERE"
                                        + " role = :role AND counterparty_id = :counterpartyId"
                                        + " AND consumer_pid = :consumerPid)"),
                                t)
                        .execute())
                == 1;
    }

    @Override
    public boolean update(TransferProcess t, long expectedVersion) {
        return db.withHandle(h -> bind(
                                h.createUpdate("UPDATE dsp_transfer SET provider_pid = :providerPid, state = :state,"
                                        + " data_address = :dataAddress, reason = :reason, version = :version,"
                                        + " updated_at = :updatedAt WHERE id = :id AND version = :expected"),
                                t)
                        .bind("expected", expectedVersion)
                        .execute())
                == 1;
    }

    private static <S extends SqlStatement<S>> S bind(S s, TransferProcess t) {
        return s.bind("id", t.id())
                .bind("role", t.role().name())
                .bind("providerPid", t.providerPid())
                .bind("consumerPid", t.consumerPid())
                .bind("counterpartyId", t.counterpartyId())
                .bind("counterpartyAddress", t.counterpartyAddress())
                .bind("state", t.state().name())
                .bind("agreementId", t.agreementId())
                .bind("format", t.format())
                .bind("dataAddress", t.dataAddress())
                .bind("reason", t.reason())
                .bind("version", t.version())
                .bind("createdAt", Timestamps.toDb(t.createdAt()))
                .bind("updatedAt", Timestamps.toDb(t.updatedAt()));
    }

    @Override
    public Optional<TransferProcess> find(String id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_transfer WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> transfer(rs))
                .findOne());
    }

    @Override
    public Optional<TransferProcess> findByConsumerPid(ProcessRole role, String counterpartyId, String consumerPid) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_transfer WHERE role = :role"
                        + " AND counterparty_id = :counterpartyId AND consumer_pid = :consumerPid")
                .bind("role", role.name())
                .bind("counterpartyId", counterpartyId)
                .bind("consumerPid", consumerPid)
                .map((rs, ctx) -> transfer(rs))
                .findOne());
    }

    @Override
    public List<TransferProcess> list(ProcessRole role, TransferState state, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dsp_transfer WHERE role = :role"
                        + (state == null ? "" : " AND state = :state") + " ORDER BY updated_at DESC, id DESC"
                        + " LIMIT :limit")
                .bind("role", role.name())
                .bind("state", state == null ? null : state.name())
                .bind("limit", limit)
                .map((rs, ctx) -> transfer(rs))
                .list());
    }

    private static TransferProcess transfer(ResultSet rs) throws SQLException {
        return new TransferProcess(
                rs.getString("id"),
                ProcessRole.valueOf(rs.getString("role")),
                rs.getString("provider_pid"),
                rs.getString("consumer_pid"),
                rs.getString("counterparty_id"),
                rs.getString("counterparty_address"),
                TransferState.valueOf(rs.getString("state")),
                rs.getString("agreement_id"),
                rs.getString("format"),
                rs.getString("data_address"),
                rs.getString("reason"),
                rs.getLong("version"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
