package city.tds.dataplane.serve;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.edr.Edr;
import city.tds.dataplane.source.SourceKind;
import city.tds.dataplane.source.SourceStream;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.stream.ContentDigest;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.dataplane.usage.UsageLog;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The provider's side of pulls and pushes: the holder of a transfer's access token reads the transfer's source from
 * any byte offset (a resumed transfer continues where it stopped), while the transfer is started ({@link
 * TransferGate}: a suspended or ended transfer's data stops, mid-stream too). The provider checksums what it serves as it serves it;
 * when the last byte has gone out it records the delivery — checksum, bytes, records — as evidence and as metered
 * usage, and answers the consumer's request for that checksum.
 */
public final class Deliveries {

    /** How much data flows between two questions to the gate. */
    static final long GATE_EVERY = 8L * 1024 * 1024;

    private final AccessTokens tokens;
    private final TransferGate gate;
    private final Sources sources;
    private final DeliveryStore store;
    private final UnitOfWork tx;
    private final UsageLog usage;
    private final EvidenceRecorder evidence;
    private final CryptoSuite suite;
    private final Clock clock;
    /** This connector's participant (known once it joined a space). */
    private final Supplier<String> self;
    /** The checksum so far of each transfer's data, up to where its last pull stopped (kept while no pull runs). */
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    public Deliveries(
            AccessTokens tokens,
            TransferGate gate,
            Sources sources,
            DeliveryStore store,
            UnitOfWork tx,
            UsageLog usage,
            EvidenceRecorder evidence,
            CryptoSuite suite,
            Clock clock,
            Supplier<String> self) {
        this.tokens = tokens;
        this.gate = gate;
        this.sources = sources;
        this.store = store;
        this.tx = tx;
        this.usage = usage;
        this.evidence = evidence;
        this.suite = suite;
        this.clock = clock;
        this.self = self;
    }

    /** A pull being served: the data from {@code offset} and its media type. */
    public record Serving(InputStream data, String mediaType, long offset) {}

    private static final class Progress {
        final ContentDigest digest;
        long position;

        Progress(ContentDigest digest) {
            this.digest = digest;
        }
    }

    /** Serves transfer {@code transferId} from byte {@code offset} to the holder of {@code token}. */
    public Result<Serving> serve(String token, String transferId, long offset) {
        if (offset < 0) {
            return Result.fail(Problem.invalidInput("range-invalid", "a pull starts at byte 0 or later"));
        }
        Result<Edr> edr = tokens.check(token, transferId);
        if (!edr.isOk()) {
            return Result.fail(edr.problem());
        }
        Optional<String> closed = gate.closed(transferId);
        if (closed.isPresent()) {
            return Result.fail(
                    Problem.conflict("transfer-not-started", "transfer " + transferId + ": " + closed.get()));
        }
        Result<SourceStream> opened = sources.open(edr.value().sourceName(), offset);
        if (!opened.isOk()) {
            return Result.fail(opened.problem());
        }
        SourceKind kind = opened.value().kind();
        Progress p;
        try {
            p = progressAt(transferId, edr.value().sourceName(), kind, offset);
        } catch (IOException e) {
            close(opened.value());
            return Result.fail(new Problem(
                    ProblemKind.UNAVAILABLE,
                    "source-unavailable",
                    "source " + edr.value().sourceName() + " cannot be read: " + e.getMessage()));
        }
        if (p == null) {
            close(opened.value());
            return Result.fail(Problem.invalidInput(
                    "range-invalid", "transfer " + transferId + " has no byte " + offset + " to start from"));
        }
        return Result.ok(new Serving(new Checksummed(opened.value().data(), p, edr.value()), kind.mediaType(), offset));
    }

    /** The checksum of what was delivered for {@code transferId}, once its last byte was served. */
    public Result<DeliveryStore.Delivered> delivered(String token, String transferId) {
        Result<Edr> edr = tokens.check(token, transferId);
        if (!edr.isOk()) {
            return Result.fail(edr.problem());
        }
        return store.find(transferId)
                .<Result<DeliveryStore.Delivered>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.conflict(
                        "delivery-incomplete", "transfer " + transferId + " has not been served to its end yet")));
    }

    /**
     * The checksum up to {@code offset}: the one a stopped pull left there, or one rebuilt by reading the source up to
     * it (after a restart, or a consumer that went back); null if the source is shorter than {@code offset}.
     */
    private Progress progressAt(String transferId, String source, SourceKind kind, long offset) throws IOException {
        Progress left = progress.remove(transferId);
        if (left != null && left.position == offset) {
            return left;
        }
        Progress rebuilt = new Progress(new ContentDigest(suite, kind.csv(), kind.headerLine()));
        if (offset == 0) {
            return rebuilt;
        }
        Result<SourceStream> prefix = sources.open(source, 0);
        if (!prefix.isOk()) {
            throw new IOException(prefix.problem().detail());
        }
        try (SourceStream in = prefix.value()) {
            byte[] buffer = new byte[64 * 1024];
            while (rebuilt.position < offset) {
                int n = in.data().read(buffer, 0, (int) Math.min(buffer.length, offset - rebuilt.position));
                if (n < 0) {
                    return null;
                }
                rebuilt.digest.update(buffer, 0, n);
                rebuilt.position += n;
            }
        }
        return rebuilt;
    }

    /** The served data, checksummed on its way out; the delivery is recorded when its end is read. */
    private final class Checksummed extends FilterInputStream {
        private final Progress p;
        private final Edr edr;
        private boolean ended;
        private long sinceGate;

        Checksummed(InputStream in, Progress p, Edr edr) {
            super(in);
            this.p = p;
            this.edr = edr;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sinceGate >= GATE_EVERY) {
                sinceGate = 0;
                Optional<String> closed = gate.closed(edr.transferId());
                if (closed.isPresent()) {
                    throw new IOException("transfer " + edr.transferId() + " stopped: " + closed.get());
                }
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                p.digest.update(b, off, n);
                p.position += n;
                sinceGate += n;
            } else if (n < 0 && !ended) {
                ended = true;
                finished(edr, p.digest.finish());
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a served pull is read, not skipped");
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (!ended) {
                progress.put(edr.transferId(), p); // the next pull from here continues this checksum
            }
        }
    }

    private void finished(Edr edr, ContentDigest.Checksum checksum) {
        DeliveryStore.Delivered delivered = new DeliveryStore.Delivered(
                edr.transferId(), edr.agreementId(), edr.consumerId(), checksum, clock.instant());
        tx.run(t -> {
            if (!store.insert(delivered)) {
                return;
            }
            usage.record(new UsageEvent(
                    edr.agreementId(),
                    edr.transferId(),
                    UsageKind.DELIVERED,
                    edr.consumerId(),
                    0,
                    checksum.records(),
                    checksum.bytes(),
                    null,
                    delivered.at()));
            evidence.record(new EvidenceEvent(
                    "transfer.delivered",
                    delivered.at(),
                    EvidenceActor.SYSTEM,
                    List.of("transfer:" + edr.transferId(), "agreement:" + edr.agreementId()),
                    Set.of(self.get(), edr.consumerId()),
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("transfer", edr.transferId())
                            .put("agreement", edr.agreementId())
                            .put("consumer", edr.consumerId())
                            .put("source", edr.sourceName())
                            .put("bytes", checksum.bytes())
                            .put("records", checksum.records())
                            .put("digest", checksum.labelled())
                            .toString()
                            .getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static void close(SourceStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
