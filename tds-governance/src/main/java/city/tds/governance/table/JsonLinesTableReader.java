package city.tds.governance.table;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Lines file (one JSON object per line, UTF-8) read as a table. The columns are the keys of the first
 * {@value #HEADER_LINES} records, in the order they first appear; a key that appears only later is refused with its
 * line, since a streaming reader cannot add a column after it has started. Strings, numbers and booleans are values as
 * written; {@code null} and a missing key are missing values; an object or array is its JSON text. Blank lines are
 * skipped; a line that is not a JSON object is refused with its line number.
 */
public final class JsonLinesTableReader implements TableReader {

    /** Records read ahead to learn the columns. */
    public static final int HEADER_LINES = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final Counting counted;
    private final long size;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<String> header;
    private final Deque<Record> ahead = new ArrayDeque<>();
    private long line;
    private long rowLine;

    private record Record(long line, JsonNode node) {}

    private JsonLinesTableReader(InputStream in, long size) throws IOException {
        this.counted = new Counting(in);
        this.size = size;
        this.lines = new BufferedReader(new InputStreamReader(
                counted,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        while (ahead.size() < HEADER_LINES) {
            Record r = read();
            if (r == null) {
                break;
            }
            ahead.add(r);
            r.node().fieldNames().forEachRemaining(k -> columns.putIfAbsent(k, columns.size()));
        }
        if (columns.isEmpty()) {
            throw malformed("jsonl-empty", "the file has no JSON object with a key: there are no columns");
        }
        this.header = List.copyOf(columns.keySet());
    }

    /** Reads {@code in} ({@code size} bytes, or {@code -1}); closing the reader closes it. */
    public static JsonLinesTableReader open(InputStream in, long size) throws IOException {
        return new JsonLinesTableReader(in, size);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() throws IOException {
        Record r = ahead.isEmpty() ? read() : ahead.poll();
        if (r == null) {
            return null;
        }
        rowLine = r.line();
        String[] row = new String[header.size()];
        Iterator<Map.Entry<String, JsonNode>> fields = r.node().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Integer column = columns.get(field.getKey());
            if (column == null) {
                throw malformed(
                        "jsonl-new-key",
                        "line " + r.line() + " has key '" + field.getKey() + "', which none of the first "
                                + HEADER_LINES + " records has; a column cannot be added once reading started");
            }
            JsonNode value = field.getValue();
            row[column] = value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
        }
        return row;
    }

    private Record read() throws IOException {
        String text;
        try {
            do {
                text = lines.readLine();
                if (text == null) {
                    return null;
                }
                line++;
            } while (text.isBlank());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw malformed("jsonl-encoding-invalid", "after line " + line + ": bytes that are not valid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw malformed("jsonl-malformed", "line " + line + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw malformed("jsonl-malformed", "line " + line + " is not a JSON object");
        }
        return new Record(line, node);
    }

    @Override
    public String position() {
        return "line " + rowLine;
    }

    @Override
    public long consumed() {
        return counted.count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String encoding() {
        return "UTF-8 (JSON Lines)";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static ProblemException malformed(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }

    /** Counts the bytes read, for progress. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
