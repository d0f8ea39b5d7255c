package city.tds.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the node's database.
 *
 * @param url a JDBC URL, {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param user the database user, empty for the embedded H2 database
 * @param password the user's password; never logged
 * @param maxPoolSize the most connections held open at once
 * @param connectTimeout how long start-up waits for the first connection
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize, Duration connectTimeout) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /**
     * The embedded default: an H2 file database in {@code dataDir/db}, in PostgreSQL compatibility mode, writing every
     * commit to the file before the commit returns ({@code WRITE_DELAY=0}). H2's default delay of 500 ms loses
     * acknowledged commits when the process is killed; this setting does not (measured: kill -9 during a commit
     * storm lost none). H2 does not force writes to the disk itself, so a power failure can still lose the latest
     * commits: production nodes use PostgreSQL.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(embeddedUrl(dataDir), "", "", 8, Duration.ofSeconds(5));
    }

    public static String embeddedUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("tds");
        return "jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** These settings, but for an H2 URL refusing to create a database that does not exist yet. */
    public DatabaseSettings existingOnly() {
        if (dialect() != SqlDialect.H2 || url.contains("IFEXISTS=")) {
            return this;
        }
        return new DatabaseSettings(url + ";IFEXISTS=TRUE", user, password, maxPoolSize, connectTimeout);
    }

    public SqlDialect dialect() {
        return SqlDialect.of(url);
    }

    /** The URL without anything after {@code ?} or {@code ;} that might carry credentials, for messages and logs. */
    public String safeUrl() {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user=" + user + ", pool=" + maxPoolSize + "]";
    }
}
