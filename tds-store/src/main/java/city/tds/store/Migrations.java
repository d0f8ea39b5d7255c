package city.tds.store;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the schema up to date with Flyway, over every module's {@code db/migration}. When the database already
 * records every bundled version as applied, Flyway is not started at all: that check is one query and a listing of the
 * migration folders, where starting Flyway costs about 0.25 s of every node start here.
 */
final class Migrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private Migrations() {}

    static void bringUpToDate(DatabaseSettings settings, DataSource dataSource) {
        int bundled = latestBundledVersion();
        if (bundled > 0 && appliedVersion(dataSource) == bundled) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException(
                    "cannot prepare the schema of " + settings.safeUrl() + ": " + Database.rootMessage(e), e);
        }
    }

    /** The highest {@code V<n>__*.sql} on the class path, or 0 if it cannot be told (then Flyway decides). */
    static int latestBundledVersion() {
        int latest = 0;
        try {
            Enumeration<URL> folders = Migrations.class.getClassLoader().getResources(LOCATION);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if ("jar".equals(folder.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        latest = Math.max(
                                latest,
                                jar.stream()
                                        .map(e -> e.getName())
                                        .filter(n -> n.startsWith(LOCATION + "/"))
                                        .mapToInt(n -> version(n.substring(LOCATION.length() + 1)))
                                        .max()
                                        .orElse(0));
                    }
                } else if ("file".equals(folder.getProtocol())) {
                    String[] names = new File(folder.toURI()).list();
                    for (String name : names == null ? new String[0] : names) {
                        latest = Math.max(latest, version(name));
                    }
                } else {
                    return 0;
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return 0;
        }
        return latest;
    }

    private static int version(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The highest version Flyway applied successfully, or -1 if it has not run or a migration failed. */
    private static int appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int applied = -1;
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return -1;
                }
                String version = rs.getString("version");
                if (version != null) {
                    applied = Math.max(applied, Integer.parseInt(version));
                }
            }
            return applied;
        } catch (SQLException | NumberFormatException e) {
            return -1;
        }
    }
}
