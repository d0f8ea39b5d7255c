package city.tds.dataplane.source;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Parquet files read by DuckDB in this process: an in-memory engine per read, that never installs or loads an
 * extension (nothing is downloaded at run time) and reads the one file given.
 */
final class ParquetFiles {

    private ParquetFiles() {}

    /** The file's rows as CSV, in the file's order (DuckDB keeps the order of a plain scan). */
    static JdbcCsvStream csv(Path file) throws SQLException {
        return new JdbcCsvStream(engine(), c -> rows(c, file));
    }

    /** Whether {@code file} is a Parquet file DuckDB can read; the reason if not. */
    static String problem(Path file) {
        try (Connection c = engine();
                PreparedStatement rows = rows(c, file);
                ResultSet schema = rows.executeQuery()) {
            return schema.getMetaData().getColumnCount() > 0 ? null : "it has no columns";
        } catch (SQLException e) {
            return e.getMessage().lines().findFirst().orElse("unreadable");
        }
    }

    private static PreparedStatement rows(Connection c, Path file) throws SQLException {
        PreparedStatement rows = c.prepareStatement("SELECT * FROM read_parquet(?)");
        rows.setString(1, file.toAbsolutePath().toString());
        return rows;
    }

    private static Connection engine() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        settings.setProperty("threads", "1");
        return DriverManager.getConnection("jdbc:duckdb:", settings);
    }
}
