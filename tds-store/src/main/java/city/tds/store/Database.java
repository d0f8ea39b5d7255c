package city.tds.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The node's database: a connection pool, the schema brought up to date by Flyway, JDBI, and the unit of work that
 * stores join.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiUnitOfWork unitOfWork;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.unitOfWork = new JdbiUnitOfWork(jdbi);
    }

    /**
     * Connects, migrates the schema and returns the open database.
     *
     * @throws DatabaseUnavailableException with a one-line reason if the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource dataSource = connect(settings);
        try {
            migrate(settings, dataSource);
            return new Database(settings, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Opens an existing database as it is, without migrating it: for tools that inspect a stopped node and must not
     * change it.
     */
    public static Database openExisting(DatabaseSettings settings) {
        HikariDataSource dataSource = connect(settings);
        return new Database(settings, dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbiUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public SqlDialect dialect() {
        return settings.dialect();
    }

    @Override
    public void close() {
        if (settings.dialect() == SqlDialect.H2 && !dataSource.isClosed()) {
            // compact and release the file lock promptly rather than waiting for the last connection to close
            try (Connection c = dataSource.getConnection();
                    var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException alreadyClosed) {
                // nothing to release
            }
        }
        dataSource.close();
    }

    private static HikariDataSource connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tds-db");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(
                Math.max(1, settings.connectTimeout().toMillis()));
        config.setAutoCommit(true);
        if (settings.dialect() == SqlDialect.POSTGRESQL) {
            long seconds = Math.max(1, settings.connectTimeout().toSeconds());
            config.addDataSourceProperty("connectTimeout", seconds);
            config.addDataSourceProperty("loginTimeout", seconds);
            config.addDataSourceProperty("ApplicationName", "tds");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "cannot connect to database " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    private static void migrate(DatabaseSettings settings, DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException(
                    "cannot prepare the schema of " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
