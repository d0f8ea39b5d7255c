package city.tds.governance.table;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as CSV (RFC 4180, UTF-8, records ended by LF). A field is quoted when it holds the delimiter, a quote, a
 * line break, or leading or trailing spaces, and when it is the empty string, so that reading the file back with
 * {@link CsvTableReader} gives the same values: a missing value ({@code null}) is written as an empty unquoted field.
 */
public final class CsvTableWriter implements Closeable {

    private final Writer out;
    private final char delimiter;
    private final int columns;

    public CsvTableWriter(OutputStream out, char delimiter, List<String> header) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        this.columns = header.size();
        write(header.toArray(new String[0]));
    }

    /** Writes one row; it must have one value per header column. */
    public void write(String[] row) throws IOException {
        if (row.length != columns) {
            throw new IllegalArgumentException("a row of " + row.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            field(row[i]);
        }
        out.write('\n');
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    private boolean needsQuotes(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Flushes what is buffered without closing. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
