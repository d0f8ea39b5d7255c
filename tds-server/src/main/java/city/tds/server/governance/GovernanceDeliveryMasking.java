package city.tds.server.governance;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.dataplane.source.DeliveryMasking;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.stream.PieceInputStream;
import city.tds.governance.mask.MaskingKeys;
import city.tds.governance.mask.MaskingProfile;
import city.tds.governance.mask.MaskingRule;
import city.tds.governance.mask.RowMasker;
import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import city.tds.governance.table.CsvTableWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data plane's masking with governance's profiles: a source's CSV data is read row by row ({@link
 * CsvTableReader}), masked ({@link RowMasker}) and written again ({@link CsvTableWriter}, UTF-8, LF) as it is served,
 * a batch of rows at a time, so memory stays flat whatever the data's size and nothing is written to disk.
 *
 * <p>Keys: each key a profile names ({@code key: default}) is derived for the source on this connector, from the
 * node's private key with a keyed hash and a label of its own ({@code tds/masking-key/v1}, then {@code
 * tds-masking/<source>/<key>}), so the same source masks the same way across restarts, two sources never share a
 * key, and no key is stored.
 */
public final class GovernanceDeliveryMasking implements DeliveryMasking {

    private static final byte[] LABEL = "tds/masking-key/v1".getBytes(StandardCharsets.US_ASCII);
    /** Rows are masked until a batch holds about this many bytes. */
    private static final int BATCH_BYTES = 64 * 1024;
    /** Rows written between flushes of the writer into the piece's buffer. */
    private static final int ROWS_PER_FLUSH = 128;

    private final CryptoSuite suite;
    private final byte[] root;
    private final Clock clock;

    public GovernanceDeliveryMasking(CryptoSuite suite, SigningKeyPair nodeKeys, Clock clock) {
        this.suite = suite;
        byte[] secret = nodeKeys.exportPrivateKey();
        this.root = suite.mac(secret, LABEL);
        Arrays.fill(secret, (byte) 0);
        this.clock = clock;
    }

    @Override
    public Result<List<String>> check(String profile, String sourceName, InputStream csv) {
        Result<MaskingProfile> parsed = MaskingProfile.parse(profile);
        if (!parsed.isOk()) {
            return Result.fail(parsed.problem());
        }
        try {
            CsvTableReader reader = CsvTableReader.open(csv, -1, CsvOptions.detect());
            return parsed.value()
                    .bind(reader.header(), keys(sourceName, parsed.value()), clock)
                    .map(RowMasker::maskedColumns);
        } catch (ProblemException e) {
            return Result.fail(e.problem());
        } catch (IOException e) {
            return Result.fail(Problem.invalidInput(
                    "source-unreadable", "the header of source " + sourceName + " cannot be read: " + e.getMessage()));
        }
    }

    @Override
    public Result<Masked> mask(InputStream csv, SourceDefinition source) {
        Result<MaskingProfile> parsed = MaskingProfile.parse(source.maskingProfile());
        if (!parsed.isOk()) {
            return Result.fail(parsed.problem());
        }
        CsvTableReader reader;
        try {
            reader = CsvTableReader.open(csv, -1, CsvOptions.detect());
        } catch (ProblemException e) {
            return Result.fail(e.problem());
        } catch (IOException e) {
            return Result.fail(unreadable(source, e.getMessage()));
        }
        Result<RowMasker> masker = parsed.value().bind(reader.header(), keys(source.name(), parsed.value()), clock);
        if (!masker.isOk()) {
            close(reader);
            return Result.fail(Problem.conflict(
                    masker.problem().code(),
                    "source " + source.name() + " no longer fits its masking profile: "
                            + masker.problem().detail()));
        }
        try {
            return Result.ok(new Masked(
                    new MaskedCsv(reader, masker.value(), source.name()),
                    masker.value().maskedColumns()));
        } catch (IOException e) {
            close(reader);
            return Result.fail(unreadable(source, e.getMessage()));
        }
    }

    /** The keys {@code profile} names, derived for source {@code sourceName}. */
    MaskingKeys keys(String sourceName, MaskingProfile profile) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (MaskingRule rule : profile.columns().values()) {
            String name = rule.parameters().get("key");
            if (name != null && !keys.containsKey(name)) {
                keys.put(
                        name,
                        suite.mac(root, ("tds-masking/" + sourceName + "/" + name).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return MaskingKeys.of(keys);
    }

    /** CSV rows masked as they are read, a batch of rows per piece. */
    private static final class MaskedCsv extends PieceInputStream {
        private final CsvTableReader reader;
        private final RowMasker masker;
        private final String source;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(BATCH_BYTES * 2);
        private final CsvTableWriter writer;
        private boolean done;

        MaskedCsv(CsvTableReader reader, RowMasker masker, String source) throws IOException {
            this.reader = reader;
            this.masker = masker;
            this.source = source;
            this.writer = new CsvTableWriter(buffer, reader.delimiter(), reader.header());
            writer.flush();
            start(taken());
        }

        @Override
        protected byte[] nextPiece() throws IOException {
            if (done) {
                return null;
            }
            try {
                String[] row = null;
                while (buffer.size() < BATCH_BYTES) {
                    for (int i = 0; i < ROWS_PER_FLUSH && (row = reader.next()) != null; i++) {
                        masker.maskInPlace(row);
                        writer.write(row);
                    }
                    writer.flush();
                    if (row == null) {
                        done = true;
                        break;
                    }
                }
            } catch (ProblemException e) {
                throw new IOException("source " + source + ": " + e.problem().detail(), e);
            }
            return taken();
        }

        private byte[] taken() {
            byte[] piece = buffer.toByteArray();
            buffer.reset();
            return piece;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static Problem unreadable(SourceDefinition source, String detail) {
        return Problem.invalidInput("source-unreadable", "source " + source.name() + " cannot be read: " + detail);
    }

    private static void close(CsvTableReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing was served from it
        }
    }
}
