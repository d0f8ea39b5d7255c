package city.tds.dataplane.received;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.SymmetricKey;
import city.tds.dataplane.Sealing;
import city.tds.dataplane.stream.ContentDigest;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.dataplane.usage.UsageLog;
import city.tds.dataplane.usage.UsageReports;
import city.tds.policy.CompiledPolicy;
import city.tds.policy.Decision;
import city.tds.policy.DeliveryMode;
import city.tds.policy.UsageRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A consumer connector's copies of received data: written encrypted as the data arrives (resuming after an
 * interruption), complete only when the consumer's checksum equals the provider's, read only through the connector
 * under the agreement's policy (decided with this connector's participant as the recipient, for a file-transfer
 * delivery: purpose, time, elapsed time, number of uses, each use counted in the same unit of work as its evidence), and deleted, file and key, when the agreement ends or its time runs out.
 */
public final class Copies {

    private static final int COPY_BUFFER = 64 * 1024;

    private final CopyStore store;
    private final UnitOfWork tx;
    private final Sealing sealing;
    private final Path directory;
    private final AgreementTerms terms;
    private final Function<Instant, UsageRequest> recipient;
    private final UsageLog usage;
    private final UsageReports reports;
    private final EvidenceRecorder evidence;
    private final IdGenerator ids;
    private final Clock clock;
    /** This connector's participant (known once it joined a space). */
    private final Supplier<String> self;
    /** The copies being written now: one writer per copy. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    /** Where each interrupted copy stopped, while this process knows (else found by reading the file). */
    private final Map<String, Long> stoppedAt = new ConcurrentHashMap<>();

    public Copies(
            CopyStore store,
            UnitOfWork tx,
            Sealing sealing,
            Path directory,
            AgreementTerms terms,
            Function<Instant, UsageRequest> recipient,
            UsageLog usage,
            UsageReports reports,
            EvidenceRecorder evidence,
            IdGenerator ids,
            Clock clock,
            Supplier<String> self) {
        this.store = store;
        this.tx = tx;
        this.sealing = sealing;
        this.directory = directory;
        this.terms = terms;
        this.recipient = recipient;
        this.usage = usage;
        this.reports = reports;
        this.evidence = evidence;
        this.ids = ids;
        this.clock = clock;
        this.self = self;
    }

    /** The copy of transfer {@code transferId}, made (empty, RECEIVING, with a fresh key) if there is none yet. */
    public ReceivedCopy begin(String transferId, String agreementId, String providerId, String mediaType) {
        Optional<ReceivedCopy> existing = store.findByTransfer(transferId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = ids.newId();
        SymmetricKey key = sealing.suite().newSymmetricKey();
        byte[] sealed = sealing.seal(key.exportBytes(), "copy:" + id);
        key.destroy();
        Instant now = clock.instant();
        ReceivedCopy copy = new ReceivedCopy(
                id,
                transferId,
                agreementId,
                providerId,
                mediaType,
                CopyState.RECEIVING,
                sealed,
                0,
                0,
                null,
                null,
                0,
                null,
                0,
                now,
                now);
        return store.insert(copy) ? copy : store.findByTransfer(transferId).orElseThrow();
    }

    /**
     * Pulls copy {@code copyId}'s data from {@code source}, from where an earlier attempt stopped, then concludes it
     * with the provider's checksum. An interrupted source leaves the copy RECEIVING (what arrived is kept, to resume
     * from); a local storage failure or a checksum that differs from the provider's leaves it FAILED with its file
     * removed. Never presents part of the data as the whole.
     */
    public Result<ReceivedCopy> receive(String copyId, DataFetcher source) {
        Result<ReceivedCopy> written = write(copyId, source::open);
        if (!written.isOk() || written.value().state() != CopyState.RECEIVING) {
            return written;
        }
        String theirs;
        try {
            theirs = source.providerChecksum();
        } catch (IOException e) {
            return interrupted(written.value(), written.value().bytes(), e);
        }
        return conclude(copyId, theirs);
    }

    /**
     * A push: the provider sends copy {@code copyId}'s data from byte {@code from}, which must be where the copy
     * continues ({@link #resumeOffset}); refused with {@code push-offset} otherwise, nothing written. Once the data
     * ended, the copy waits, RECEIVING, for the provider's checksum ({@link #conclude}).
     */
    public Result<ReceivedCopy> accept(String copyId, long from, InputStream data) {
        return write(copyId, offset -> {
            if (offset != from) {
                throw new ElsewhereException(offset);
            }
            return data;
        });
    }

    /** Where copy {@code copyId}'s data continues: the bytes it holds in whole chunks (all of them once written). */
    public Result<Long> resumeOffset(String copyId) {
        Optional<ReceivedCopy> found = store.find(copyId);
        if (found.isEmpty()) {
            return Result.fail(Problem.notFound("copy-unknown", "no copy " + copyId));
        }
        ReceivedCopy copy = found.get();
        if (copy.state() != CopyState.RECEIVING) {
            return Result.fail(notReceiving(copy));
        }
        if (copy.digest() != null) {
            return Result.ok(copy.bytes());
        }
        Long known = stoppedAt.get(copyId);
        if (known != null) {
            return Result.ok(known);
        }
        if (!writing.add(copyId)) {
            return Result.fail(busy(copyId));
        }
        try {
            Files.createDirectories(directory);
            try (CopyWriter writer = CopyWriter.open(file(copy), keying(copy), digestFor(copy.mediaType()))) {
                return Result.ok(writer.offset());
            }
        } catch (IOException e) {
            return Result.fail(new Problem(
                    ProblemKind.UNAVAILABLE, "copy-damaged", "copy " + copyId + " cannot be read: " + e.getMessage()));
        } finally {
            writing.remove(copyId);
        }
    }

    /**
     * Concludes copy {@code copyId}, whose data has all arrived, with the provider's checksum {@code theirs}: COMPLETE
     * if it is the consumer's own, else FAILED with its file removed. Concluding a concluded copy changes nothing.
     */
    public Result<ReceivedCopy> conclude(String copyId, String theirs) {
        return tx.attempt(t -> {
            Optional<ReceivedCopy> found = store.find(copyId);
            if (found.isEmpty()) {
                return Result.fail(Problem.notFound("copy-unknown", "no copy " + copyId));
            }
            ReceivedCopy copy = found.get();
            if (copy.state() != CopyState.RECEIVING) {
                return Result.ok(copy);
            }
            if (copy.digest() == null) {
                return Result.fail(
                        Problem.conflict("copy-incomplete", "copy " + copyId + " has not received all its data yet"));
            }
            ReceivedCopy received = copy.received(copy.bytes(), copy.records(), copy.digest(), theirs, clock.instant());
            if (!store.update(received, copy.version())) {
                return Result.fail(Problem.conflict("copy-concurrent-change", "copy " + copyId + " changed meanwhile"));
            }
            record(received.state() == CopyState.COMPLETE ? "copy.received" : "copy.failed", received, Map.of());
            if (received.state() == CopyState.COMPLETE) {
                usage.record(new UsageEvent(
                        received.agreementId(),
                        received.transferId(),
                        UsageKind.RECEIVED,
                        received.providerId(),
                        0,
                        received.records(),
                        received.bytes(),
                        null,
                        received.updatedAt()));
            } else {
                deleteFile(file(copy));
            }
            return Result.ok(received);
        });
    }

    /** Opens the data from a byte offset. */
    private interface Opener {
        InputStream open(long offset) throws IOException;
    }

    /** A push that starts somewhere other than where the copy continues. */
    private static final class ElsewhereException extends IOException {
        final long offset;

        ElsewhereException(long offset) {
            super("the copy continues from byte " + offset);
            this.offset = offset;
        }
    }

    /**
     * Writes copy {@code copyId}'s data from where it continues to the data's end, then keeps the consumer's own
     * checksum with it (still RECEIVING: the provider's checksum decides). One writer per copy at a time.
     */
    private Result<ReceivedCopy> write(String copyId, Opener source) {
        Optional<ReceivedCopy> found = store.find(copyId);
        if (found.isEmpty()) {
            return Result.fail(Problem.notFound("copy-unknown", "no copy " + copyId));
        }
        ReceivedCopy copy = found.get();
        if (copy.state() != CopyState.RECEIVING || copy.digest() != null) {
            return Result.ok(copy);
        }
        if (!writing.add(copyId)) {
            return Result.fail(busy(copyId));
        }
        try {
            stoppedAt.remove(copyId);
            return writeFrom(copy, source);
        } finally {
            writing.remove(copyId);
        }
    }

    private Result<ReceivedCopy> writeFrom(ReceivedCopy copy, Opener source) {
        Path file = file(copy);
        ContentDigest digest = digestFor(copy.mediaType());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return fail(copy, "cannot create the copies directory: " + e.getMessage(), file);
        }
        try (CopyWriter writer = CopyWriter.open(file, keying(copy), digest)) {
            byte[] buffer = new byte[COPY_BUFFER];
            InputStream in;
            try {
                in = source.open(writer.offset());
            } catch (ElsewhereException elsewhere) {
                stoppedAt.put(copy.id(), elsewhere.offset);
                return Result.fail(Problem.conflict(
                        "push-offset",
                        "copy " + copy.id() + " continues from byte " + elsewhere.offset
                                + "; send the data from there"));
            } catch (IOException unreachable) {
                return interrupted(copy, writer.offset(), unreachable);
            }
            try {
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException interrupted) {
                        writer.checkpoint();
                        stoppedAt.put(copy.id(), writer.offset());
                        return interrupted(copy, writer.offset(), interrupted);
                    }
                    if (n < 0) {
                        break;
                    }
                    writer.write(buffer, 0, n);
                }
            } finally {
                closeQuietly(in);
            }
            writer.finish();
        } catch (IOException | UncheckedIOException storage) {
            return fail(copy, "storing the copy failed: " + storage.getMessage(), file);
        }
        ContentDigest.Checksum own = digest.finish();
        ReceivedCopy written = copy.written(own.bytes(), own.records(), own.labelled(), clock.instant());
        if (!store.update(written, copy.version())) {
            return Result.fail(Problem.conflict("copy-concurrent-change", "copy " + copy.id() + " changed meanwhile"));
        }
        return Result.ok(written);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the source is done with either way; what arrived is written
        }
    }

    private static Problem busy(String copyId) {
        return Problem.conflict("copy-busy", "copy " + copyId + " is being written by another transfer attempt");
    }

    private static Problem notReceiving(ReceivedCopy copy) {
        return Problem.conflict(
                "copy-not-receiving", "copy " + copy.id() + " is " + copy.state() + "; it takes no more data");
    }

    /** A read of a complete copy that the agreement's policy permitted: the plaintext, and the copy as counted. */
    public record Read(ReceivedCopy copy, InputStream data, int use) {}

    /**
     * Reads copy {@code copyId} for {@code purpose}, by {@code user} of this connector's participant, if the
     * agreement permits this use now; the use is counted and recorded before the data is returned.
     */
    public Result<Read> read(String copyId, String purpose, String user) {
        return tx.attempt(t -> {
            Optional<ReceivedCopy> found = store.find(copyId);
            if (found.isEmpty()) {
                return Result.fail(Problem.notFound("copy-unknown", "no copy " + copyId));
            }
            ReceivedCopy copy = found.get();
            if (copy.state() != CopyState.COMPLETE) {
                return Result.fail(Problem.conflict(
                        "copy-not-readable",
                        "copy " + copyId + " is " + copy.state()
                                + (copy.problem() == null ? "" : " (" + copy.problem() + ")")
                                + "; only a COMPLETE copy can be read"));
            }
            Optional<AgreementTerms.Terms> agreement = terms.of(copy.agreementId());
            if (agreement.isEmpty() || agreement.get().ended() != null) {
                return Result.fail(new Problem(
                        ProblemKind.FORBIDDEN,
                        "agreement-ended",
                        "agreement " + copy.agreementId() + " no longer holds"
                                + agreement.map(a -> ": " + a.ended()).orElse("")));
            }
            Instant now = clock.instant();
            Decision decision = CompiledPolicy.of(agreement.get().policy())
                    .decide(facts(now)
                            .withPurpose(purpose)
                            .withElapsed(elapsed(agreement.get(), now))
                            .withPriorUses(copy.uses()));
            if (!decision.permitted()) {
                return Result.fail(new Problem(
                        ProblemKind.FORBIDDEN,
                        "usage-denied",
                        "agreement " + copy.agreementId() + " does not permit this read: " + decision.explanation()));
            }
            ReceivedCopy used = copy.used(now);
            if (!store.update(used, copy.version())) {
                return Result.fail(Problem.conflict(
                        "copy-concurrent-change", "copy " + copyId + " was read concurrently; read again"));
            }
            InputStream data;
            try {
                data = CopyReader.open(file(copy), keying(copy));
            } catch (IOException e) {
                return Result.fail(new Problem(
                        ProblemKind.UNAVAILABLE,
                        "copy-damaged",
                        "copy " + copyId + " cannot be read: " + e.getMessage()));
            }
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("purpose", String.valueOf(purpose));
            detail.put("use", Long.toString(used.uses()));
            detail.put("user", user);
            detail.put("decision", decision.explanation());
            record("copy.used", used, detail);
            UsageEvent read = new UsageEvent(
                    used.agreementId(),
                    used.transferId(),
                    UsageKind.READ,
                    used.providerId(),
                    1,
                    used.records(),
                    used.bytes(),
                    purpose,
                    now);
            usage.record(read);
            reports.read(ids.newId(), used.id(), used.uses(), read);
            return Result.ok(new Read(used, data, (int) used.uses()));
        });
    }

    /**
     * Deletes copy {@code copyId}, file and key, and records that it verified both are gone. Deleting a deleted copy
     * changes nothing.
     */
    public Result<ReceivedCopy> delete(String copyId, String reason) {
        return tx.attempt(t -> {
            Optional<ReceivedCopy> found = store.find(copyId);
            if (found.isEmpty()) {
                return Result.fail(Problem.notFound("copy-unknown", "no copy " + copyId));
            }
            ReceivedCopy copy = found.get();
            if (copy.state() == CopyState.DELETED) {
                return Result.ok(copy);
            }
            ReceivedCopy deleted = copy.deleted(reason, clock.instant());
            if (!store.update(deleted, copy.version())) {
                return Result.fail(Problem.conflict("copy-concurrent-change", "copy " + copyId + " changed meanwhile"));
            }
            Path file = file(copy);
            deleteFile(file);
            if (Files.exists(file)) {
                throw new IllegalStateException("the file of copy " + copyId + " is still there after deleting it");
            }
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("reason", reason);
            detail.put("fileRemoved", "true");
            detail.put("keyDestroyed", "true");
            record("copy.deleted", deleted, detail);
            return Result.ok(deleted);
        });
    }

    /**
     * The policy monitor's pass: deletes every live copy whose agreement ended, or whose time has run out (no use is
     * possible now, whatever the purpose). Returns the copies deleted.
     */
    public List<ReceivedCopy> enforce(int limit) {
        return enforce(null, limit);
    }

    /** As {@link #enforce(int)}, for the copies under {@code agreementId} only (null: every agreement). */
    public List<ReceivedCopy> enforce(String agreementId, int limit) {
        Instant now = clock.instant();
        return store.live(agreementId, limit).stream()
                .map(copy -> expired(copy, now)
                        .flatMap(why -> delete(copy.id(), why).isOk() ? Optional.of(copy) : Optional.empty()))
                .flatMap(Optional::stream)
                .collect(Collectors.toList());
    }

    public Optional<ReceivedCopy> find(String copyId) {
        return store.find(copyId);
    }

    public Optional<ReceivedCopy> ofTransfer(String transferId) {
        return store.findByTransfer(transferId);
    }

    public List<ReceivedCopy> list(int limit) {
        return store.list(limit);
    }

    /** Whether copy {@code copy} must go now, and why. */
    private Optional<String> expired(ReceivedCopy copy, Instant now) {
        Optional<AgreementTerms.Terms> agreement = terms.of(copy.agreementId());
        if (agreement.isEmpty()) {
            return Optional.of("agreement " + copy.agreementId() + " is not known to this connector");
        }
        if (agreement.get().ended() != null) {
            return Optional.of("agreement " + copy.agreementId() + " ended: "
                    + agreement.get().ended());
        }
        Decision decision = CompiledPolicy.of(agreement.get().policy())
                .decide(facts(now).withElapsed(elapsed(agreement.get(), now)));
        if (decision instanceof Decision.Denied) {
            return Optional.of(
                    "agreement " + copy.agreementId() + " permits no use any more: " + decision.explanation());
        }
        return Optional.empty();
    }

    /** This connector's participant as the recipient, using a copy it received by file transfer. */
    private UsageRequest facts(Instant now) {
        return recipient.apply(now).withChannel(DeliveryMode.FILE_TRANSFER);
    }

    private static Duration elapsed(AgreementTerms.Terms agreement, Instant now) {
        Duration d = Duration.between(agreement.agreedAt(), now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private Result<ReceivedCopy> interrupted(ReceivedCopy copy, long at, IOException e) {
        return Result.fail(new Problem(
                ProblemKind.UNAVAILABLE,
                "transfer-interrupted",
                "receiving copy " + copy.id() + " stopped at byte " + at + " (" + e.getMessage()
                        + "); it resumes from there"));
    }

    /**
     * Fails a copy whose data cannot be stored, removing what was written of it. On a broken disk even that may fail;
     * the copy is FAILED all the same (a FAILED copy is never read), and its problem says what was left.
     */
    private Result<ReceivedCopy> fail(ReceivedCopy copy, String cause, Path file) {
        String why = cause;
        try {
            deleteFile(file);
        } catch (UncheckedIOException e) {
            why = cause + "; what was written could not be removed: "
                    + e.getCause().getMessage();
        }
        String reason = why;
        tx.run(t -> store.find(copy.id())
                .filter(c -> c.state() == CopyState.RECEIVING)
                .ifPresent(c -> {
                    ReceivedCopy failed = c.failed(reason, clock.instant());
                    if (store.update(failed, c.version())) {
                        record("copy.failed", failed, Map.of("reason", reason));
                    }
                }));
        return Result.fail(new Problem(ProblemKind.UNAVAILABLE, "copy-failed", reason));
    }

    private CopyFile.Keying keying(ReceivedCopy copy) {
        byte[] raw = sealing.open(copy.sealedKey(), "copy:" + copy.id())
                .orElseThrow(() -> new IllegalStateException("the key of copy " + copy.id() + " does not open"));
        return new CopyFile.Keying(sealing.suite(), sealing.suite().symmetricKey(raw), copy.id());
    }

    private ContentDigest digestFor(String mediaType) {
        boolean csv = "text/csv".equals(mediaType);
        return new ContentDigest(sealing.suite(), csv, csv);
    }

    private Path file(ReceivedCopy copy) {
        return directory.resolve(copy.id() + ".copy");
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void record(String type, ReceivedCopy copy, Map<String, String> detail) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("copy", copy.id())
                .put("transfer", copy.transferId())
                .put("agreement", copy.agreementId())
                .put("state", copy.state().name())
                .put("bytes", copy.bytes())
                .put("records", copy.records())
                .put("digest", copy.digest())
                .put("providerDigest", copy.providerDigest());
        detail.forEach(body::put);
        evidence.record(new EvidenceEvent(
                type,
                clock.instant(),
                EvidenceActor.SYSTEM,
                List.of("copy:" + copy.id(), "transfer:" + copy.transferId(), "agreement:" + copy.agreementId()),
                Set.of(self.get(), copy.providerId()),
                body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
