package city.tds.governance.table;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV file (RFC 4180: fields separated by one character, optionally quoted with {@code "} and {@code ""} inside
 * quotes, records ended by LF, CRLF or CR) read as a stream. The first record is the header. Blank lines are skipped.
 * An unquoted empty field is a missing value ({@code null}); a quoted empty field is the empty string.
 *
 * <p>The bytes are decoded strictly: a byte sequence that is not in the file's encoding stops the read with the line
 * it is on, rather than turning into replacement characters. A record with more or fewer fields than the header, a
 * quote left open at the end of the file and a field longer than {@link CsvOptions#maxFieldChars()} are refused the
 * same way.
 */
public final class CsvTableReader implements TableReader {

    private static final int BYTES = 1 << 16;
    private static final int SAMPLE = 1 << 16;

    private final InputStream in;
    private final long size;
    private final CsvOptions options;
    private final CharsetDecoder decoder;
    private final String encoding;
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTES);
    private final CharBuffer chars = CharBuffer.allocate(BYTES);
    private final List<String> header;
    private final char delimiter;
    private final List<String> fields = new ArrayList<>();
    private char[] field = new char[256];
    private long consumed;
    private boolean endOfInput;
    private boolean flushed;
    private String decodingError;
    private long line = 1;
    private long rowLine;

    private CsvTableReader(InputStream in, long size, CsvOptions options) throws IOException {
        this.in = in;
        this.size = size;
        this.options = options;
        int read = fill(bytes.array(), SAMPLE);
        TextEncoding.Detected detected = options.encoding()
                .map(c -> new TextEncoding.Detected(c, 0, c.name()))
                .or(() -> TextEncoding.detect(bytes.array(), read))
                .orElseThrow(() -> new ProblemException(Problem.invalidInput(
                        "csv-encoding-unknown",
                        "the file is neither UTF-8 nor GB18030 (GBK): name its encoding (--encoding)")));
        this.encoding = detected.description();
        this.decoder = detected.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.position(detected.skip()).limit(read);
        consumed = read;
        chars.limit(0);
        decodeMore();
        if (chars.remaining() > 0 && chars.get(chars.position()) == '\uFEFF') {
            chars.get();
        }
        this.delimiter = options.delimiter() != 0 ? options.delimiter() : chooseDelimiter();
        String[] names = readRecord();
        if (names == null) {
            throw new ProblemException(Problem.invalidInput("csv-empty", "the file is empty: it has no header line"));
        }
        this.header = checkHeader(names);
    }

    /** Opens {@code file}; the caller closes the reader. */
    public static CsvTableReader open(Path file, CsvOptions options) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new CsvTableReader(in, Files.size(file), options);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads {@code in} ({@code size} bytes, or {@code -1} if unknown); closing the reader closes it. */
    public static CsvTableReader open(InputStream in, long size, CsvOptions options) throws IOException {
        return new CsvTableReader(in, size, options);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() throws IOException {
        String[] row = readRecord();
        if (row != null && row.length != header.size()) {
            throw malformed(
                    "csv-ragged-row",
                    "line " + rowLine + " has " + row.length + " field" + (row.length == 1 ? "" : "s")
                            + ", the header has " + header.size());
        }
        return row;
    }

    @Override
    public String position() {
        return "line " + rowLine;
    }

    /** The line the row last returned starts on (1 is the header). */
    public long line() {
        return rowLine;
    }

    /** The field separator in use. */
    public char delimiter() {
        return delimiter;
    }

    @Override
    public long consumed() {
        return consumed;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String encoding() {
        return encoding;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String[] readRecord() throws IOException {
        fields.clear();
        int length = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        boolean any = false;
        long quoteLine = 0;
        while (true) {
            if (!chars.hasRemaining() && !decodeMore()) {
                if (inQuotes) {
                    throw malformed(
                            "csv-unclosed-quote",
                            "line " + quoteLine + ": a quoted field is not closed by the end of the file");
                }
                if (!any) {
                    return null;
                }
                fields.add(value(length, quoted));
                return fields.toArray(new String[0]);
            }
            char c = chars.get();
            if (inQuotes) {
                if (c == '"') {
                    if (!chars.hasRemaining()) {
                        decodeMore();
                    }
                    if (chars.hasRemaining() && chars.get(chars.position()) == '"') {
                        chars.get();
                        length = append(length, '"', quoteLine);
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !nextIs('\n'))) {
                        line++;
                    }
                    length = append(length, c, quoteLine);
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && nextIs('\n')) {
                    chars.get();
                }
                line++;
                if (!any) {
                    continue; // a blank line
                }
                fields.add(value(length, quoted));
                return fields.toArray(new String[0]);
            }
            if (!any) {
                any = true;
                rowLine = line;
            }
            if (c == delimiter) {
                fields.add(value(length, quoted));
                length = 0;
                quoted = false;
            } else if (c == '"' && length == 0 && !quoted) {
                quoted = true;
                inQuotes = true;
                quoteLine = line;
            } else {
                length = append(length, c, line);
            }
        }
    }

    private boolean nextIs(char expected) throws IOException {
        if (!chars.hasRemaining()) {
            decodeMore();
        }
        return chars.hasRemaining() && chars.get(chars.position()) == expected;
    }

    private String value(int length, boolean quoted) {
        if (length == 0) {
            return quoted ? "" : null;
        }
        return new String(field, 0, length);
    }

    private int append(int length, char c, long startLine) {
        if (length == field.length || length >= options.maxFieldChars()) {
            if (length >= options.maxFieldChars()) {
                throw malformed(
                        "csv-field-too-long",
                        "line " + startLine + ": a field is longer than " + options.maxFieldChars()
                                + " characters; a quote may be unbalanced");
            }
            field = java.util.Arrays.copyOf(field, Math.min(options.maxFieldChars(), length * 2));
        }
        field[length] = c;
        return length + 1;
    }

    /** Decodes more characters into {@link #chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (decodingError != null) {
            throw malformed("csv-encoding-invalid", "line " + line + ": " + decodingError);
        }
        chars.clear();
        if (flushed) {
            chars.flip();
            return false;
        }
        while (chars.position() == 0) {
            if (!bytes.hasRemaining() && !endOfInput) {
                bytes.clear();
                int read = fill(bytes.array(), bytes.capacity());
                bytes.limit(read);
                consumed += read;
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                decodingError = "bytes that are not valid " + decoder.charset().name() + " (" + encoding
                        + "): the file may mix encodings; name its encoding (--encoding)";
                break;
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    flushed = true;
                    break;
                }
                bytes.compact();
                int read = fill(bytes.array(), bytes.position(), bytes.capacity() - bytes.position());
                bytes.limit(bytes.position() + read);
                bytes.position(0);
                consumed += read;
            }
        }
        chars.flip();
        if (!chars.hasRemaining() && decodingError != null) {
            throw malformed("csv-encoding-invalid", "line " + line + ": " + decodingError);
        }
        return chars.hasRemaining();
    }

    private int fill(byte[] target, int length) throws IOException {
        return fill(target, 0, length);
    }

    /** Reads until {@code length} bytes or the end of the input; sets {@link #endOfInput}. */
    private int fill(byte[] target, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(target, offset + total, length - total);
            if (n < 0) {
                endOfInput = true;
                break;
            }
            total += n;
        }
        return total;
    }

    private char chooseDelimiter() {
        char[] candidates = {',', '\t', ';', '|'};
        int[] counts = new int[candidates.length];
        boolean inQuotes = false;
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    private List<String> checkHeader(String[] names) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].strip();
            if (name.isEmpty()) {
                throw malformed("csv-header-invalid", "line 1: column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(name)) {
                throw malformed("csv-header-invalid", "line 1: column name '" + name + "' appears twice in the header");
            }
            result.add(name);
        }
        return List.copyOf(result);
    }

    private static ProblemException malformed(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }
}
