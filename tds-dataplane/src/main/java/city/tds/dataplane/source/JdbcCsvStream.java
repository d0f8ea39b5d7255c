package city.tds.dataplane.source;

import city.tds.dataplane.stream.PieceInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * A table's rows as CSV (RFC 4180, a header line of column labels, CRLF-free: lines end with LF), produced row by row
 * as the stream is read, so that memory stays flat whatever the table's size. Rows are ordered by every column, so
 * that reading again yields the same bytes while the table is unchanged (a resumed transfer skips what was sent).
 */
final class JdbcCsvStream extends PieceInputStream {

    private static final int FETCH = 1_000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final int columns;
    private boolean closed;

    /** Table {@code table}'s rows, ordered by every column. */
    JdbcCsvStream(Connection connection, String table) throws SQLException {
        this(connection, c -> {
            c.setReadOnly(true);
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            int count;
            try (PreparedStatement probe = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                    ResultSet empty = probe.executeQuery()) {
                count = empty.getMetaData().getColumnCount();
            }
            StringBuilder order = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                order.append(i == 1 ? "" : ", ").append(i);
            }
            return c.prepareStatement("SELECT * FROM " + table + " ORDER BY " + order);
        });
    }

    /** The rows of the query {@code prepare} makes on {@code connection}, in its order; the connection is closed with the stream. */
    JdbcCsvStream(Connection connection, Query prepare) throws SQLException {
        this.connection = connection;
        try {
            this.statement = prepare.on(connection);
            int limit = statement.getMaxRows();
            statement.setFetchSize(limit > 0 ? Math.min(FETCH, limit) : FETCH);
            this.rows = statement.executeQuery();
            this.columns = rows.getMetaData().getColumnCount();
            ResultSetMetaData meta = rows.getMetaData();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                header.append(i == 1 ? "" : ",").append(field(meta.getColumnLabel(i)));
            }
            start(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Prepares the statement whose rows are streamed. */
    @FunctionalInterface
    interface Query {
        PreparedStatement on(Connection connection) throws SQLException;
    }

    @Override
    protected byte[] nextPiece() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                String value = rows.getString(i);
                line.append(i == 1 ? "" : ",").append(value == null ? "" : field(value));
            }
            return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IOException("reading the table failed: " + e.getMessage(), e);
        }
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Closes the result, statement and connection; closing again does nothing, as {@link java.io.Closeable} asks. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (connection;
                statement;
                rows) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("closing the table's connection failed: " + e.getMessage(), e);
        }
    }
}
