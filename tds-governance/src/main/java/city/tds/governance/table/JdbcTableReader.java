package city.tds.governance.table;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a JDBC result, as text ({@link ResultSet#getString(int)}); SQL {@code NULL} is a missing value. The
 * caller owns the statement and connection; closing this reader closes only the result.
 */
public final class JdbcTableReader implements TableReader {

    private final ResultSet rows;
    private final List<String> header;
    private final Map<String, Integer> sqlTypes = new LinkedHashMap<>();
    private long count;

    public JdbcTableReader(ResultSet rows) throws SQLException {
        this.rows = rows;
        ResultSetMetaData meta = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            if (sqlTypes.put(name, meta.getColumnType(i)) != null) {
                throw new ProblemException(Problem.invalidInput(
                        "table-header-invalid", "column name '" + name + "' appears twice in the query's result"));
            }
            names.add(name);
        }
        this.header = List.copyOf(names);
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** Whether the database declares the column numeric, a date or time, boolean, or something else. */
    public Map<String, String> declaredKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        sqlTypes.forEach((name, type) -> kinds.put(name, kindOf(type)));
        return kinds;
    }

    private static String kindOf(int type) {
        return switch (type) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> "NUMBER";
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME -> "DATE";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            default -> "TEXT";
        };
    }

    @Override
    public String[] next() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            String[] row = new String[header.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rows.getString(i + 1);
            }
            count++;
            return row;
        } catch (SQLException e) {
            throw new IOException("reading row " + (count + 1) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String position() {
        return "row " + count;
    }

    @Override
    public long consumed() {
        return count;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public String encoding() {
        return "JDBC";
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
