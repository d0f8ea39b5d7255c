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
import city.tds.dataplane.received.AgreementTerms;
import city.tds.dataplane.source.DeliveryMasking;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceKind;
import city.tds.dataplane.source.SourceStream;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.stream.ContentDigest;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.dataplane.usage.UsageLog;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
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
 *
 * <p>Under an agreement whose policy has a duty to anonymise ({@link AnonymiseDuty}), the data is masked row by row
 * with the source's masking profile ({@link DeliveryMasking}) before it is checksummed and served; offsets count the
 * masked bytes. A source without a masking profile is not served under such an agreement (409 {@code
 * anonymize-without-profile}).
 */
public final class Deliveries {

    /** How much data flows between two questions to the gate. */
    static final long GATE_EVERY = 8L * 1024 * 1024;

    private final AccessTokens tokens;
    private final AgreementTerms terms;
    private final DeliveryMasking masking;
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
            AgreementTerms terms,
            DeliveryMasking masking,
            DeliveryStore store,
            UnitOfWork tx,
            UsageLog usage,
            EvidenceRecorder evidence,
            CryptoSuite suite,
            Clock clock,
            Supplier<String> self) {
        this.tokens = tokens;
        this.terms = terms;
        this.masking = masking;
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
        Result<Plan> plan = plan(edr.value());
        if (!plan.isOk()) {
            return Result.fail(plan.problem());
        }
        Result<Opened> opened = open(plan.value(), offset);
        if (!opened.isOk()) {
            return Result.fail(opened.problem());
        }
        SourceKind kind = plan.value().source().kind();
        Progress p;
        try {
            p = progressAt(transferId, plan.value(), offset);
        } catch (IOException e) {
            close(opened.value().data());
            return Result.fail(new Problem(
                    ProblemKind.UNAVAILABLE,
                    "source-unavailable",
                    "source " + edr.value().sourceName() + " cannot be read: " + e.getMessage()));
        }
        if (p == null) {
            close(opened.value().data());
            return Result.fail(Problem.invalidInput(
                    "range-invalid", "transfer " + transferId + " has no byte " + offset + " to start from"));
        }
        return Result.ok(new Serving(
                new Checksummed(
                        opened.value().data(), p, edr.value(), opened.value().maskedColumns()),
                kind.mediaType(),
                offset));
    }

    /** How a transfer's source is served: masked (under a duty to anonymise) or as it is. */
    private record Plan(SourceDefinition source, boolean masked) {}

    /** A source's data from an offset, and the columns masked in it (null when it is not masked). */
    private record Opened(InputStream data, List<String> maskedColumns) {}

    private Result<Plan> plan(Edr edr) {
        Optional<SourceDefinition> source = sources.find(edr.sourceName());
        if (source.isEmpty()) {
            return Result.fail(
                    Problem.notFound("source-unknown", "this connector holds no source " + edr.sourceName()));
        }
        Optional<AgreementTerms.Terms> agreed = terms.of(edr.agreementId());
        if (agreed.isEmpty()) {
            return Result.fail(Problem.conflict(
                    "agreement-unknown",
                    "the terms of agreement " + edr.agreementId() + " cannot be read on this connector"));
        }
        boolean anonymise = AnonymiseDuty.in(agreed.get().policy());
        if (anonymise && source.get().maskingProfile() == null) {
            return Result.fail(Problem.conflict(
                    "anonymize-without-profile",
                    "agreement " + edr.agreementId() + " requires anonymisation before delivery, and source "
                            + edr.sourceName() + " has no masking profile"));
        }
        return Result.ok(new Plan(source.get(), anonymise));
    }

    /**
     * The plan's data from byte {@code offset}: read from there (a file) or exported again and skipped (a table), or,
     * when masked, masked from the first byte and the masked bytes before the offset skipped.
     */
    private Result<Opened> open(Plan plan, long offset) {
        if (!plan.masked()) {
            return sources.open(plan.source().name(), offset).map(s -> new Opened(s.data(), null));
        }
        Result<SourceStream> raw = sources.open(plan.source().name(), 0);
        if (!raw.isOk()) {
            return Result.fail(raw.problem());
        }
        Result<DeliveryMasking.Masked> masked = masking.mask(raw.value().data(), plan.source());
        if (!masked.isOk()) {
            close(raw.value().data());
            return Result.fail(masked.problem());
        }
        InputStream data = masked.value().data();
        try {
            data.skipNBytes(offset);
        } catch (EOFException e) {
            close(data);
            return Result.fail(Problem.invalidInput(
                    "range-invalid", "the masked data of " + plan.source().name() + " has no byte " + offset));
        } catch (IOException e) {
            close(data);
            return Result.fail(new Problem(
                    ProblemKind.UNAVAILABLE,
                    "source-unavailable",
                    "source " + plan.source().name() + " cannot be read: " + e.getMessage()));
        }
        return Result.ok(new Opened(data, masked.value().columns()));
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
    private Progress progressAt(String transferId, Plan plan, long offset) throws IOException {
        SourceKind kind = plan.source().kind();
        Progress left = progress.remove(transferId);
        if (left != null && left.position == offset) {
            return left;
        }
        Progress rebuilt = new Progress(new ContentDigest(suite, kind.csv(), kind.headerLine()));
        if (offset == 0) {
            return rebuilt;
        }
        Result<Opened> prefix = open(plan, 0);
        if (!prefix.isOk()) {
            throw new IOException(prefix.problem().detail());
        }
        try (InputStream in = prefix.value().data()) {
            byte[] buffer = new byte[64 * 1024];
            while (rebuilt.position < offset) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - rebuilt.position));
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
        private final List<String> maskedColumns;
        private boolean ended;
        private long sinceGate;

        Checksummed(InputStream in, Progress p, Edr edr, List<String> maskedColumns) {
            super(in);
            this.p = p;
            this.edr = edr;
            this.maskedColumns = maskedColumns;
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
                finished(edr, p.digest.finish(), maskedColumns);
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

    private void finished(Edr edr, ContentDigest.Checksum checksum, List<String> maskedColumns) {
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
            ObjectNode payload = JsonNodeFactory.instance
                    .objectNode()
                    .put("transfer", edr.transferId())
                    .put("agreement", edr.agreementId())
                    .put("consumer", edr.consumerId())
                    .put("source", edr.sourceName())
                    .put("bytes", checksum.bytes())
                    .put("records", checksum.records())
                    .put("digest", checksum.labelled())
                    .put("masked", maskedColumns != null);
            if (maskedColumns != null) {
                maskedColumns.forEach(payload.putArray("maskedColumns")::add);
            }
            evidence.record(new EvidenceEvent(
                    "transfer.delivered",
                    delivered.at(),
                    EvidenceActor.SYSTEM,
                    List.of("transfer:" + edr.transferId(), "agreement:" + edr.agreementId()),
                    Set.of(self.get(), edr.consumerId()),
                    payload.toString().getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
