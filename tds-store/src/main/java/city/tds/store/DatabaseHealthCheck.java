package city.tds.store;

import city.tds.core.health.HealthCheck;
import city.tds.core.health.HealthStatus;
import java.sql.Connection;
import java.util.Map;

/** Reports whether the database answers, and which one it is. */
public final class DatabaseHealthCheck implements HealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthStatus check() {
        try (Connection connection = database.dataSource().getConnection()) {
            if (!connection.isValid(2)) {
                return HealthStatus.down("the database did not answer within 2 s");
            }
            var meta = connection.getMetaData();
            return HealthStatus.up(Map.of(
                    "product",
                    meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                    "url",
                    database.settings().safeUrl()));
        } catch (Exception e) {
            return HealthStatus.down(Database.rootMessage(e));
        }
    }
}
