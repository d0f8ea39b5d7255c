package city.tds.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * The node's database: a connection pool, the schema brought up to date by Flyway, JDBI, and the unit of work that
 * stores join. PostgreSQL is reached through HikariCP; the embedded H2 database, in the same process, through H2's own
 * light pool (HikariCP's start-up cost about 0.25 s here for nothing an in-process database needs).
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final DataSource dataSource;
    private final Runnable closePool;
    private volatile boolean closed;
    private final Jdbi jdbi;
    private final JdbiUnitOfWork unitOfWork;

    private Database(DatabaseSettings settings, Pool pool) {
        this.settings = settings;
        this.dataSource = pool.dataSource();
        this.closePool = pool.close();
        this.jdbi = Jdbi.create(dataSource);
        this.unitOfWork = new JdbiUnitOfWork(jdbi);
    }

    /**
     * Connects, migrates the schema and returns the open database.
     *
     * @throws DatabaseUnavailableException with a one-line reason if the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        Pool pool = connect(settings);
        try {
            Migrations.bringUpToDate(settings, pool.dataSource());
            return new Database(settings, pool);
        } catch (RuntimeException e) {
            pool.close().run();
            throw e;
        }
    }

    /**
     * Opens an existing database as it is, without migrating it: for tools that inspect a stopped node and must not
     * change it.
     */
    public static Database openExisting(DatabaseSettings settings) {
        return new Database(settings, connect(settings));
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
        if (closed) {
            return;
        }
        closed = true;
        if (settings.dialect() == SqlDialect.H2) {
            // compact and release the file lock promptly rather than waiting for the last connection to close
            try (Connection c = dataSource.getConnection();
                    var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException alreadyClosed) {
                // nothing to release
            }
        }
        closePool.run();
    }

    /** A data source and how to close it. */
    private record Pool(DataSource dataSource, Runnable close) {}

    private static Pool connect(DatabaseSettings settings) {
        try {
            return settings.dialect() == SqlDialect.H2 ? h2(settings) : hikari(settings);
        } catch (RuntimeException | SQLException e) {
            throw new DatabaseUnavailableException(
                    "cannot connect to database " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
    }

    private static Pool h2(DatabaseSettings settings) throws SQLException {
        JdbcConnectionPool pool =
                JdbcConnectionPool.create(closedByOwner(settings.url()), settings.user(), settings.password());
        pool.setMaxConnections(settings.maxPoolSize());
        pool.setLoginTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        try (Connection first = pool.getConnection()) {
            // opens the database file now, so that a locked or unreadable database fails start-up
            first.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw e;
        }
        return new Pool(pool, pool::dispose);
    }

    /**
     * The H2 URL with H2's own closing at JVM exit turned off: the owner closes the database ({@link #close()}), and a
     * node stopped by SIGTERM closes it last, after what still writes (the evidence sequencer signing its final tree
     * head, the release of its leases). H2's shutdown hook, running alongside the node's, closed the database under
     * them. Every commit is in the file before it returns either way ({@code WRITE_DELAY=0}).
     */
    static String closedByOwner(String h2Url) {
        return h2Url.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")
                ? h2Url
                : h2Url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static Pool hikari(DatabaseSettings settings) {
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
        long seconds = Math.max(1, settings.connectTimeout().toSeconds());
        config.addDataSourceProperty("connectTimeout", seconds);
        config.addDataSourceProperty("loginTimeout", seconds);
        config.addDataSourceProperty("ApplicationName", "tds");
        HikariDataSource dataSource = new HikariDataSource(config);
        return new Pool(dataSource, dataSource::close);
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
