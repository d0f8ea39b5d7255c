package city.tds.governance.table;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which encoding a text file is in, decided from its first bytes: a UTF-8 byte-order mark or bytes that are valid
 * UTF-8 mean UTF-8; otherwise bytes that are valid GB18030 (a superset of GBK and GB2312, what Chinese spreadsheets
 * export) mean GB18030. Anything else is refused: the caller names an encoding.
 */
public final class TextEncoding {

    /** GB18030: decodes GBK and GB2312 files too. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {}

    /**
     * The encoding of a file whose first bytes are {@code head} ({@code length} of them). A multi-byte sequence cut at
     * the end of {@code head} is not held against it.
     *
     * @return empty when the bytes are neither valid UTF-8 nor valid GB18030
     */
    public static Optional<Detected> detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return Optional.of(new Detected(StandardCharsets.UTF_8, 3, "UTF-8 (byte-order mark)"));
        }
        if (decodes(StandardCharsets.UTF_8, head, length)) {
            return Optional.of(new Detected(StandardCharsets.UTF_8, 0, "UTF-8"));
        }
        if (decodes(GB18030, head, length)) {
            return Optional.of(new Detected(GB18030, 0, "GB18030 (GBK), detected: the file is not UTF-8"));
        }
        return Optional.empty();
    }

    private static boolean decodes(Charset charset, byte[] bytes, int length) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        var result = decoder.decode(in, out, false);
        if (result.isError()) {
            return false;
        }
        // what is left undecoded is a sequence cut by the end of the sample: at most 3 bytes
        return in.remaining() <= 3;
    }

    /**
     * An encoding and how it was decided.
     *
     * @param skip bytes to skip at the start (a byte-order mark)
     * @param description for reports, e.g. {@code GB18030 (GBK), detected}
     */
    public record Detected(Charset charset, int skip, String description) {}
}
