package city.tds.server.demo;

import city.tds.server.node.TdsNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The social-security bureau's own business database in the demo: an H2 file database holding table
 * {@value #TABLE}, owned by the bureau's account, with a read-only account ({@value #READER}) for the bureau's
 * connector. Made once and then reused: an existing table keeps its rows.
 */
public final class SocialInsuranceDatabase {

    public static final String TABLE = "social_insurance_monthly";
    public static final String READER = "tds_reader";
    /** The connector account's password; a demo value, for local trial only. */
    public static final String READER_PASSWORD = "tds-demo-reader-password";

    private static final String OWNER = "bureau_admin";
    private static final String OWNER_PASSWORD = "tds-demo-bureau-password";
    private static final String SETTINGS = ";DATABASE_TO_LOWER=TRUE";

    private final Path file;

    private SocialInsuranceDatabase(Path dir) {
        this.file = dir.toAbsolutePath().normalize().resolve("social-insurance");
    }

    /** The database of the social-security bureau whose connector is {@code node}: in its data directory's bureau-db. */
    public static SocialInsuranceDatabase of(TdsNode node) {
        return new SocialInsuranceDatabase(node.config().node().dataDir().resolve("bureau-db"));
    }

    /** The URL the connector reads with: it never creates an empty database where the bureau's is missing. */
    public String connectorUrl() {
        return url() + ";IFEXISTS=TRUE";
    }

    /**
     * Creates the table and the connector's read-only account if they are missing and fills the table if it is empty;
     * the number of rows it holds.
     */
    long ensure(List<DemoSocialInsurance.Month> months) {
        try (Connection c = DriverManager.getConnection(url(), OWNER, OWNER_PASSWORD)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (credit_code VARCHAR(18) NOT NULL,"
                        + " period VARCHAR(7) NOT NULL, insured_count INTEGER NOT NULL,"
                        + " contribution_base DECIMAL(14, 2) NOT NULL, paid DECIMAL(14, 2) NOT NULL,"
                        + " arrears DECIMAL(14, 2) NOT NULL, PRIMARY KEY (credit_code, period))");
                s.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD '" + READER_PASSWORD + "'");
                s.execute("GRANT SELECT ON " + TABLE + " TO " + READER);
            }
            if (rows(c) == 0) {
                insert(c, months);
            }
            c.commit();
            return rows(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the social-security bureau's demo database: " + e, e);
        }
    }

    /** The rows the table holds, counted with the connector's read-only account. */
    public long rows() {
        try (Connection c = DriverManager.getConnection(connectorUrl(), READER, READER_PASSWORD)) {
            return rows(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the social-security bureau's demo database: " + e, e);
        }
    }

    private String url() {
        return "jdbc:h2:file:" + file + SETTINGS;
    }

    private static void insert(Connection c, List<DemoSocialInsurance.Month> months) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + TABLE
                        + " (credit_code, period, insured_count, contribution_base, paid, arrears) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (DemoSocialInsurance.Month m : months) {
                insert.setString(1, m.creditCode());
                insert.setString(2, m.period().toString());
                insert.setInt(3, m.insuredCount());
                insert.setBigDecimal(4, m.contributionBase());
                insert.setBigDecimal(5, m.paid());
                insert.setBigDecimal(6, m.arrears());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            r.next();
            return r.getLong(1);
        }
    }
}
