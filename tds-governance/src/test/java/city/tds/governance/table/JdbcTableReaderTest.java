package city.tds.governance.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class JdbcTableReaderTest {

    @Test
    void readsRowsAsTextWithNullsMissingAndTheDeclaredKinds() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:governance-jdbc;DATABASE_TO_LOWER=TRUE");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE firm (code VARCHAR(18), capital DECIMAL(12,2), founded DATE, listed BOOLEAN)");
            s.execute("INSERT INTO firm VALUES ('91350100M000100Y43', 1000.50, DATE '2020-01-02', TRUE),"
                    + " (NULL, NULL, NULL, NULL)");
            try (ResultSet rs = s.executeQuery("SELECT * FROM firm ORDER BY code NULLS LAST");
                    JdbcTableReader reader = new JdbcTableReader(rs)) {
                assertThat(reader.header()).containsExactly("code", "capital", "founded", "listed");
                assertThat(reader.declaredKinds()).containsValues("TEXT", "NUMBER", "DATE", "BOOLEAN");
                assertThat(reader.next()).containsExactly("91350100M000100Y43", "1000.50", "2020-01-02", "TRUE");
                assertThat(reader.next()).containsExactly(null, null, null, null);
                assertThat(reader.next()).isNull();
                assertThat(reader.position()).isEqualTo("row 2");
            }
        }
    }
}
