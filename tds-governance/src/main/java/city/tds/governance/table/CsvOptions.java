package city.tds.governance.table;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a CSV file.
 *
 * @param encoding the file's encoding, or empty to detect UTF-8 or GB18030 (GBK) from its first bytes
 * @param delimiter the field separator, or {@code 0} to choose from the header line among {@code , TAB ; |}
 * @param maxFieldChars the longest field accepted; a longer one is refused (usually an unbalanced quote)
 */
public record CsvOptions(Optional<Charset> encoding, char delimiter, int maxFieldChars) {

    /** Fields up to 1 Mi characters. */
    public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

    public CsvOptions {
        Objects.requireNonNull(encoding, "encoding");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a quote or a line break cannot separate fields");
        }
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be positive");
        }
    }

    /** Detect the encoding and the delimiter. */
    public static CsvOptions detect() {
        return new CsvOptions(Optional.empty(), (char) 0, DEFAULT_MAX_FIELD_CHARS);
    }

    public CsvOptions withEncoding(Charset charset) {
        return new CsvOptions(Optional.of(charset), delimiter, maxFieldChars);
    }

    public CsvOptions withDelimiter(char separator) {
        return new CsvOptions(encoding, separator, maxFieldChars);
    }
}
