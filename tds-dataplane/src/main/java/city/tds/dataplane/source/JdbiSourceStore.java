package city.tds.dataplane.source;

import city.tds.store.Database;
import city.tds.store.JdbiUnitOfWork;
import city.tds.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link SourceStore} on table {@code dp_source}. */
public final class JdbiSourceStore implements SourceStore {

    private static final String COLUMNS =
            "name, kind, location, table_name, db_user, sealed_secret, registered_at, registered_by, masking_profile";

    private final JdbiUnitOfWork db;

    public JdbiSourceStore(Database database) {
        this.db = database.unitOfWork();
    }

    @Override
    public boolean insert(SourceDefinition d, byte[] sealedSecret) {
        return db.withHandle(h -> h.createUpdate("INSERT INTO dp_source (" + COLUMNS + ") VALUES (:name, :kind,"
                                + " :location, :table, :user, :secret, :at, :by, :profile) ON CONFLICT DO NOTHING")
                        .bind("name", d.name())
                        .bind("kind", d.kind().name())
                        .bind("location", d.location())
                        .bind("table", d.table())
                        .bind("user", d.user())
                        .bind("secret", sealedSecret)
                        .bind("at", Timestamps.toDb(d.registeredAt()))
                        .bind("by", d.registeredBy())
                        .bind("profile", d.maskingProfile())
                        .execute())
                == 1;
    }

    @Override
    public Optional<Stored> find(String name) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_source WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Stored(definition(rs), rs.getBytes("sealed_secret")))
                .findOne());
    }

    @Override
    public List<SourceDefinition> list() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dp_source ORDER BY name")
                .map((rs, ctx) -> definition(rs))
                .list());
    }

    @Override
    public boolean delete(String name) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM dp_source WHERE name = :name")
                        .bind("name", name)
                        .execute())
                == 1;
    }

    private static SourceDefinition definition(ResultSet rs) throws SQLException {
        return new SourceDefinition(
                rs.getString("name"),
                SourceKind.valueOf(rs.getString("kind")),
                rs.getString("location"),
                rs.getString("table_name"),
                rs.getString("db_user"),
                rs.getBytes("sealed_secret") != null,
                Timestamps.read(rs, "registered_at"),
                rs.getString("registered_by"),
                rs.getString("masking_profile"));
    }
}
