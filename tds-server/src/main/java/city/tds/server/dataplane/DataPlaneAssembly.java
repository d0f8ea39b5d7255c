package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.dataplane.Sealing;
import city.tds.dataplane.api.ApiCallCount;
import city.tds.dataplane.api.ApiCalls;
import city.tds.dataplane.api.ApiGrant;
import city.tds.dataplane.api.ApiGrantStore;
import city.tds.dataplane.api.UpstreamApi;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.edr.EdrStore;
import city.tds.dataplane.received.Copies;
import city.tds.dataplane.received.CopyState;
import city.tds.dataplane.received.JdbiCopyStore;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.serve.AnonymiseDuty;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.serve.DeliveryStore;
import city.tds.dataplane.source.JdbiSourceStore;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.SourceKind;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageKind;
import city.tds.dataplane.usage.UsageLog;
import city.tds.governance.grade.GradingRules;
import city.tds.policy.Action;
import city.tds.policy.UsageRequest;
import city.tds.protocol.Dsp;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.JdbiNegotiationStore;
import city.tds.protocol.negotiation.UsageReport;
import city.tds.protocol.transfer.TransferData;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.server.governance.GovernanceDeliveryMasking;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.JsonBody;
import city.tds.server.protocol.ProtocolAssembly;
import city.tds.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane on a connector node: its sources and deliveries (provider), its copies and their policy monitor
 * (consumer), and where both meet the transfer process. A provider starts a pull with a data address (its data
 * endpoint and a fresh access token) and revokes the token when the transfer ends; a consumer pulls as soon as its
 * transfer starts, resumes after an interruption, and completes the transfer when its copy is whole.
 */
public final class DataPlaneAssembly implements TransferData, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneAssembly.class);
    /** How long a pull's access token opens the data; a transfer that takes longer is suspended and resumed. */
    static final Duration TOKEN_LIFE = Duration.ofMinutes(30);

    /** How long a push's data endpoint takes the provider's data: a push that takes longer is requested again. */
    static final Duration PUSH_TOKEN_LIFE = Duration.ofHours(24);

    /** How long an API transfer's token opens the proxy; a consumer that uses the API longer resumes the transfer. */
    static final Duration API_TOKEN_LIFE = Duration.ofHours(24);

    static final String PULL = "HttpData-PULL";
    static final String PUSH = "HttpData-PUSH";
    static final String API = "HttpData-API";
    private static final String HTTP_ENDPOINT = "https://w3id.org/idsa/v4.1/HTTP";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dataBase;
    private final String incomingBase;
    private final String apiBase;
    private final ApiCalls apiCalls;
    private final JdbiNegotiationStore agreements;
    private final Sources sources;
    private final AccessTokens tokens;
    private final Deliveries deliveries;
    private final Copies copies;
    private final UsageLog usage;
    private final ProductSources productSources;
    private final ProtocolAgreementTerms terms;
    private final SourceScans scans;
    private final AtomicReference<ProtocolAssembly> protocol = new AtomicReference<>();
    private final ScheduledExecutorService workers;
    private final HttpClient http = HttpDataFetcher.client();
    private final Duration monitorEvery;
    private final PullRetries retries = PullRetries.DEFAULT;

    public DataPlaneAssembly(
            String nodeName,
            String publicUrl,
            Path dataDir,
            Database database,
            CryptoSuite suite,
            SigningKeyPair keys,
            Clock clock,
            EvidenceRecorder evidence,
            IdGenerator ids,
            Duration monitorEvery,
            GradingRules grading) {
        this.monitorEvery = monitorEvery;
        this.dataBase = Dsp.base(publicUrl) + DataRoutes.BASE + "/";
        this.incomingBase = Dsp.base(publicUrl) + DataRoutes.INCOMING + "/";
        this.apiBase = Dsp.base(publicUrl) + DataRoutes.API + "/";
        this.agreements = new JdbiNegotiationStore(database);
        ProtocolAgreementTerms terms = new ProtocolAgreementTerms(agreements);
        this.terms = terms;
        Sealing sealing = Sealing.of(suite, keys);
        GovernanceDeliveryMasking masking = new GovernanceDeliveryMasking(suite, keys, clock);
        this.sources = new Sources(new JdbiSourceStore(database), sealing, dataDir.resolve("sources"), clock, masking);
        this.scans = new SourceScans(sources, grading, suite.id(), database.unitOfWork(), evidence, clock, this::self);
        this.tokens = new AccessTokens(new EdrStore(database), suite, clock);
        this.usage = new UsageLog(database);
        this.deliveries = new Deliveries(
                tokens,
                this::closed,
                sources,
                terms,
                masking,
                new DeliveryStore(database),
                database.unitOfWork(),
                usage,
                evidence,
                suite,
                clock,
                this::self);
        this.copies = new Copies(
                new JdbiCopyStore(database),
                database.unitOfWork(),
                sealing,
                dataDir.resolve("copies"),
                terms,
                at -> joined().map(j -> j.session().asRecipient().facts(at)).orElse(UsageRequest.of(Action.USE, at)),
                usage,
                this::reportRead,
                evidence,
                ids,
                clock,
                this::self);
        this.apiCalls = new ApiCalls(
                tokens,
                this::closed,
                new ApiGrantStore(database),
                new ApiCallCount(database),
                terms,
                sources,
                new UpstreamApi(UpstreamApi.client(), UpstreamApi.DEFAULT_TIMEOUT, UpstreamApi.DEFAULT_LIMIT),
                database.unitOfWork(),
                usage,
                evidence,
                clock,
                this::self);
        this.productSources = new ProductSources(sources);
        AtomicInteger thread = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "tds-" + nodeName + "-dataplane-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.scheduleWithFixedDelay(
                this::monitor, monitorEvery.toMillis(), monitorEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects the data plane to the node's protocol, whose transfers it serves and completes. */
    public void attach(ProtocolAssembly assembly) {
        protocol.set(assembly);
        workers.execute(this::resumeInterrupted);
    }

    /** The data endpoint for pulls and the data plane's management API. */
    public List<ApiRoutes> routes(JsonBody json) {
        return List.of(new DataRoutes(this, json), new DataPlaneRoutes(this, json));
    }

    public Sources sources() {
        return sources;
    }

    public Copies copies() {
        return copies;
    }

    SourceScans scans() {
        return scans;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public UsageLog usage() {
        return usage;
    }

    public ApiCalls apiCalls() {
        return apiCalls;
    }

    /** The largest body an API call may send or bring back. */
    int apiLimit() {
        return UpstreamApi.DEFAULT_LIMIT;
    }

    private Optional<ProtocolAssembly.Joined> joined() {
        return Optional.ofNullable(protocol.get()).flatMap(ProtocolAssembly::joined);
    }

    private String self() {
        return joined().map(j -> j.session().membership().participantId()).orElse("(not joined)");
    }

    // the provider's side

    @Override
    public Result<Optional<ObjectNode>> starting(TransferProcess transfer, Agreement agreement) {
        return starting(transfer, agreement, null);
    }

    /**
     * A pull's start carries its data address; a push needs the consumer's; an API transfer's start carries the
     * proxy's address, and keeps the consumer's credential facts its calls are decided with ({@code consumer}: null
     * when this connector resumes a transfer, which keeps the facts of its first start).
     */
    @Override
    public Result<Optional<ObjectNode>> starting(TransferProcess transfer, Agreement agreement, Counterparty consumer) {
        if (!PULL.equals(transfer.format()) && !PUSH.equals(transfer.format()) && !API.equals(transfer.format())) {
            return Result.ok(Optional.empty());
        }
        Result<SourceDefinition> source = sourceOf(agreement);
        if (!source.isOk()) {
            return Result.fail(source.problem());
        }
        boolean api = source.value().kind() == SourceKind.HTTP_API;
        if (api != API.equals(transfer.format())) {
            return Result.fail(Problem.conflict(
                    "no-source",
                    "the product's source " + source.value().name() + " is a "
                            + source.value().kind() + "; "
                            + (api ? "it is called through HttpData-API" : "it is transferred, not called")));
        }
        if (api) {
            if (anonymises(agreement)) {
                return Result.fail(Problem.conflict(
                        "anonymize-unsupported",
                        "agreement " + agreement.id() + " requires anonymisation before delivery, which API products"
                                + " (called through HttpData-API) do not apply; deliver it as a file product with a"
                                + " masking profile"));
            }
            return apiAddress(transfer, agreement, consumer, source.value());
        }
        Optional<Problem> unmaskable = unmaskable(agreement, source.value());
        if (unmaskable.isPresent()) {
            return Result.fail(unmaskable.get());
        }
        if (PUSH.equals(transfer.format())) {
            return pushTarget(transfer).map(target -> Optional.<ObjectNode>empty());
        }
        AccessTokens.Issued issued = tokens.issue(
                transfer.id(),
                agreement.id(),
                transfer.counterpartyId(),
                source.value().name(),
                TOKEN_LIFE);
        return Result.ok(Optional.of(dataAddress(
                dataBase + transfer.id(), issued, source.value().kind().mediaType())));
    }

    /**
     * Why a file transfer may not start under {@code agreement}: its policy requires anonymisation before delivery and
     * the source has no masking profile (its data would otherwise be refused when pulled or pushed).
     */
    private Optional<Problem> unmaskable(Agreement agreement, SourceDefinition source) {
        if (source.maskingProfile() != null || !anonymises(agreement)) {
            return Optional.empty();
        }
        return Optional.of(Problem.conflict(
                "anonymize-without-profile",
                "agreement " + agreement.id() + " requires anonymisation before delivery, and source " + source.name()
                        + " has no masking profile"));
    }

    /** Whether the agreement's policy has a duty to anonymise; when its terms cannot be read, it is assumed to. */
    private boolean anonymises(Agreement agreement) {
        return terms.of(agreement.id()).map(t -> AnonymiseDuty.in(t.policy())).orElse(true);
    }

    private Result<Optional<ObjectNode>> apiAddress(
            TransferProcess transfer, Agreement agreement, Counterparty consumer, SourceDefinition source) {
        if (consumer != null) {
            apiCalls.granted(new ApiGrant(
                    transfer.id(),
                    agreement.id(),
                    consumer.participantId(),
                    consumer.industry(),
                    consumer.organizationType(),
                    consumer.roles(),
                    transfer.updatedAt()));
        } else if (!apiCalls.isGranted(transfer.id())) {
            return Result.fail(Problem.conflict(
                    "transfer-not-api", "transfer " + transfer.id() + " was never started as an API transfer here"));
        }
        AccessTokens.Issued issued =
                tokens.issue(transfer.id(), agreement.id(), transfer.counterpartyId(), source.name(), API_TOKEN_LIFE);
        return Result.ok(Optional.of(dataAddress(apiBase + transfer.id(), issued, null)));
    }

    /**
     * Why a transfer's data may not flow now: it is not started here (suspended: its token opens it again when it
     * resumes, from either side; ended: its tokens are revoked as well).
     */
    private Optional<String> closed(String transferId) {
        Optional<TransferProcess> transfer = joined().flatMap(j -> j.transfers().local(transferId));
        if (transfer.isEmpty()) {
            return Optional.of("the transfer is not known here");
        }
        TransferState state = transfer.get().state();
        return state == TransferState.STARTED ? Optional.empty() : Optional.of("the transfer is " + state);
    }

    private Result<SourceDefinition> sourceOf(Agreement agreement) {
        Optional<ProtocolAssembly.Joined> j = joined();
        if (j.isEmpty()) {
            return Result.fail(Problem.conflict("not-joined", "this connector has not joined a space"));
        }
        return productSources.of(agreement.target(), j.get().session());
    }

    /**
     * Where a push goes: the data address of the consumer's request, at the consumer's own DSP host (its callback
     * address), so that a consumer cannot point this connector at another server.
     */
    static Result<PushTarget> pushTarget(TransferProcess transfer) {
        if (transfer.dataAddress() == null) {
            return Result.fail(Problem.invalidInput(
                    "push-address-missing", "a push needs the consumer's data address in its transfer request"));
        }
        try {
            JsonNode address = JSON.readTree(transfer.dataAddress());
            URI endpoint = URI.create(address.path("endpoint").asText());
            URI callback = URI.create(transfer.counterpartyAddress());
            if (endpoint.getHost() == null
                    || !endpoint.getScheme().equals(callback.getScheme())
                    || !endpoint.getHost().equals(callback.getHost())
                    || endpoint.getPort() != callback.getPort()) {
                return Result.fail(Problem.invalidInput(
                        "push-address-invalid",
                        "a push goes to the consumer's own connector (" + callback.getScheme() + "://"
                                + callback.getAuthority() + "), not to " + endpoint));
            }
            return Result.ok(new PushTarget(endpoint, endpointProperty(address, "authorization")));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return Result.fail(Problem.invalidInput(
                    "push-address-invalid", "the push data address cannot be used: " + e.getMessage()));
        }
    }

    record PushTarget(URI endpoint, String token) {}

    /**
     * A DSP {@code DataAddress} for an HTTP endpoint of TDS's that {@code issued} opens: the bearer token, its expiry
     * and, if given, the data's media type as endpoint properties.
     */
    private static ObjectNode dataAddress(String endpoint, AccessTokens.Issued issued, String mediaType) {
        ObjectNode address = JsonNodeFactory.instance
                .objectNode()
                .put("@type", "DataAddress")
                .put("endpointType", HTTP_ENDPOINT)
                .put("endpoint", endpoint);
        ArrayNode properties = address.putArray("endpointProperties");
        property(properties, "authorization", issued.token());
        property(properties, "authType", "bearer");
        if (mediaType != null) {
            property(properties, "mediaType", mediaType);
        }
        property(properties, "expiresAt", issued.edr().expiresAt().toString());
        return address;
    }

    private static void property(ArrayNode properties, String name, String value) {
        properties
                .addObject()
                .put("@type", "EndpointProperty")
                .put("name", name)
                .put("value", value);
    }

    @Override
    public void changed(TransferProcess transfer) {
        if (transfer.role() == ProcessRole.PROVIDER) {
            if (transfer.state().isTerminal()) {
                tokens.revoke(transfer.id(), "the transfer is " + transfer.state());
            } else if (transfer.state() == TransferState.STARTED && PUSH.equals(transfer.format())) {
                workers.execute(() -> push(transfer));
            }
            return;
        }
        if (transfer.state().isTerminal()) {
            tokens.revoke(transfer.id(), "the transfer is " + transfer.state());
        }
        if (transfer.state() == TransferState.STARTED
                && PULL.equals(transfer.format())
                && transfer.dataAddress() != null) {
            workers.execute(() -> pull(transfer));
        } else if (transfer.state() == TransferState.STARTED && PUSH.equals(transfer.format())) {
            workers.execute(() -> concludePush(transfer.id()));
        }
    }

    /**
     * An agreement ended: its transfers here end (the other side is told), their tokens are revoked with them, and
     * the copies received under it are deleted now rather than at the monitor's next pass.
     */
    @Override
    public void agreementEnded(String agreementId) {
        workers.execute(() -> {
            try {
                joined().ifPresent(j -> {
                    for (ProcessRole role : ProcessRole.values()) {
                        j.transfers().list(role, null, 1000).stream()
                                .filter(t -> t.agreementId().equals(agreementId)
                                        && !t.state().isTerminal())
                                .forEach(t -> j.transfers()
                                        .control(
                                                t.id(),
                                                TransferState.Event.TERMINATE,
                                                "agreement " + agreementId + " was terminated"));
                    }
                });
                copies.enforce(agreementId, 1000)
                        .forEach(c -> LOG.info("copy {} deleted: agreement {} ended", c.id(), agreementId));
            } catch (RuntimeException e) {
                LOG.warn("ending agreement {} here failed; the policy monitor deletes its copies", agreementId, e);
            }
        });
    }

    /**
     * Pushes {@code transfer}'s data to the consumer: where its copy continues, the data from there, then the
     * checksum; the consumer completes the transfer when its copy is whole. Interruptions are tried again from where
     * the copy stopped; a refusal ends the transfer.
     */
    private void push(TransferProcess transfer) {
        push(transfer, 1);
    }

    private void push(TransferProcess transfer, int attempt) {
        try {
            Optional<Agreement> agreement = agreements.findAgreement(transfer.agreementId());
            Result<SourceDefinition> source = agreement
                    .map(this::sourceOf)
                    .orElseGet(() -> Result.fail(
                            Problem.notFound("dsp-unknown-agreement", "no agreement " + transfer.agreementId())));
            Result<PushTarget> target = pushTarget(transfer);
            if (!source.isOk() || !target.isOk()) {
                end(transfer, (source.isOk() ? target.problem() : source.problem()).detail());
                return;
            }
            String own = tokens.issue(
                            transfer.id(),
                            transfer.agreementId(),
                            transfer.counterpartyId(),
                            source.value().name(),
                            TOKEN_LIFE)
                    .token();
            HttpDataPusher consumer = new HttpDataPusher(
                    http, target.value().endpoint(), target.value().token());
            try {
                pushOnce(transfer, own, consumer);
            } catch (IOException e) {
                Optional<Duration> wait = retries.after(attempt);
                if (wait.isEmpty()) {
                    LOG.warn(
                            "push of transfer {} stopped after {} attempts: {}; it continues when the transfer is"
                                    + " resumed or this connector restarts",
                            transfer.id(),
                            attempt,
                            e.getMessage());
                    return;
                }
                LOG.info(
                        "push of transfer {} interrupted (attempt {}): {}; next attempt in {} s",
                        transfer.id(),
                        attempt,
                        e.getMessage(),
                        wait.get().toSeconds());
                if (!workers.isShutdown()) {
                    workers.schedule(
                            () -> joined().flatMap(j -> j.transfers().local(transfer.id()))
                                    .filter(t -> t.state() == TransferState.STARTED)
                                    .ifPresent(t -> push(t, attempt + 1)),
                            wait.get().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        } catch (HttpDataPusher.Refused e) {
            end(transfer, e.getMessage());
        } catch (ProblemException e) {
            end(transfer, e.problem().detail());
        } catch (RuntimeException e) {
            LOG.warn("push of transfer {} failed", transfer.id(), e);
        }
    }

    /** One push attempt: from where the consumer's copy continues to the checksum, asking again if it moved. */
    private void pushOnce(TransferProcess transfer, String own, HttpDataPusher consumer)
            throws IOException, HttpDataPusher.Refused {
        for (int asked = 1; ; asked++) {
            if (asked > 3) {
                throw new IOException("the consumer's copy kept moving; trying again later");
            }
            HttpDataPusher.Copy copy = consumer.copy();
            if (!copy.receiving()) {
                return; // concluded already; the consumer ends the transfer
            }
            if (!deliveries.delivered(own, transfer.id()).isOk()) {
                Deliveries.Serving serving =
                        deliveries.serve(own, transfer.id(), copy.offset()).orElseThrow();
                if (!consumer.send(copy.offset(), serving.mediaType(), serving.data())) {
                    continue; // the copy continues elsewhere: ask again
                }
            }
            String digest = deliveries
                    .delivered(own, transfer.id())
                    .orElseThrow()
                    .checksum()
                    .labelled();
            LOG.info("transfer {} pushed; the consumer's copy is {}", transfer.id(), consumer.conclude(digest));
            return;
        }
    }

    // the consumer's side

    /**
     * A consumer requesting a push gives its data endpoint for the transfer and a token that opens it to the
     * provider only, for this transfer.
     */
    @Override
    public Result<Optional<ObjectNode>> requesting(TransferProcess transfer) {
        if (!PUSH.equals(transfer.format())) {
            return Result.ok(Optional.empty());
        }
        AccessTokens.Issued issued = tokens.issue(
                transfer.id(), transfer.agreementId(), transfer.counterpartyId(), INBOUND, PUSH_TOKEN_LIFE);
        return Result.ok(Optional.of(dataAddress(incomingBase + transfer.id(), issued, null)));
    }

    /** What a pushed copy's token names as its source. */
    private static final String INBOUND = "(push)";

    /** The pushed transfer {@code transferId}, if {@code token} opens its data endpoint. */
    private Result<TransferProcess> inbound(String token, String transferId) {
        Result<city.tds.dataplane.edr.Edr> edr = tokens.check(token, transferId);
        if (!edr.isOk()) {
            return Result.fail(edr.problem());
        }
        Optional<TransferProcess> transfer = joined().flatMap(j -> j.transfers().local(transferId))
                .filter(t -> t.role() == ProcessRole.CONSUMER && PUSH.equals(t.format()));
        if (transfer.isEmpty()) {
            return Result.fail(Problem.notFound("transfer-unknown", "no push transfer " + transferId + " here"));
        }
        if (transfer.get().state().isTerminal()) {
            return Result.fail(Problem.conflict(
                    "transfer-ended",
                    "transfer " + transferId + " is " + transfer.get().state()));
        }
        return Result.ok(transfer.get());
    }

    /**
     * A counted read of a copy is reported to the copy's provider, by a message sent after the read commits and
     * retried until the provider has it.
     */
    private void reportRead(String reportId, String copyId, long use, UsageEvent read) {
        joined().ifPresent(j -> {
            Result<UsageReport> queued = j.agreements()
                    .report(new UsageReport(
                            reportId,
                            read.agreementId(),
                            "READ",
                            read.purpose(),
                            use,
                            read.records(),
                            read.bytes(),
                            read.at()));
            if (!queued.isOk()) {
                LOG.warn(
                        "read {} of copy {} is not reported: {}",
                        use,
                        copyId,
                        queued.problem().detail());
            }
        });
    }

    /** A consumer's report of a use, as this provider records it: once, as REPORTED usage. */
    @Override
    public boolean usageReported(String consumerId, UsageReport report) {
        return usage.recordReported(
                report.reportId(),
                new UsageEvent(
                        report.agreementId(),
                        null,
                        UsageKind.REPORTED,
                        consumerId,
                        1,
                        report.records(),
                        report.bytes(),
                        report.purpose(),
                        report.at()));
    }

    /** A pushed transfer's copy as the provider sees it: its state and where it continues. */
    public record Incoming(ReceivedCopy copy, long offset) {}

    Result<Incoming> incoming(String token, String transferId) {
        return inbound(token, transferId).flatMap(t -> {
            Optional<ReceivedCopy> copy = copies.ofTransfer(transferId);
            if (copy.isEmpty()) {
                return Result.ok(new Incoming(null, 0));
            }
            if (copy.get().state() != CopyState.RECEIVING) {
                return Result.ok(new Incoming(copy.get(), copy.get().bytes()));
            }
            return copies.resumeOffset(copy.get().id()).map(offset -> new Incoming(copy.get(), offset));
        });
    }

    Result<ReceivedCopy> incomingData(
            String token, String transferId, long offset, String mediaType, InputStream data) {
        return inbound(token, transferId).flatMap(t -> {
            ReceivedCopy copy = copies.begin(t.id(), t.agreementId(), t.counterpartyId(), mediaType);
            return copies.accept(copy.id(), offset, data);
        });
    }

    Result<ReceivedCopy> incomingChecksum(String token, String transferId, String digest) {
        return inbound(token, transferId)
                .flatMap(t -> copies.ofTransfer(transferId)
                        .map(copy -> copies.conclude(copy.id(), digest))
                        .orElseGet(() -> Result.fail(Problem.conflict(
                                "copy-incomplete", "no data of transfer " + transferId + " arrived yet")))
                        .map(copy -> {
                            if (copy.state() != CopyState.RECEIVING) {
                                workers.execute(() -> concludePush(transferId));
                            }
                            return copy;
                        }));
    }

    /**
     * A pushed copy that is concluded completes (or ends) its transfer once the transfer is started here: the
     * provider may push before its start message arrived, so both the conclusion and the start call this.
     */
    private void concludePush(String transferId) {
        joined().flatMap(j -> j.transfers().local(transferId))
                .filter(t -> t.state() == TransferState.STARTED)
                .ifPresent(t -> copies.ofTransfer(transferId)
                        .filter(c -> c.state() != CopyState.RECEIVING)
                        .ifPresent(c -> finish(t, c)));
    }

    private void pull(TransferProcess transfer) {
        pull(transfer, 1);
    }

    /**
     * One attempt at a pull. An interrupted one (the provider went away, the network broke) is tried again later,
     * from where it stopped, on a schedule that outlasts a restart of the provider's connector; the wait does not hold
     * a worker.
     */
    private void pull(TransferProcess transfer, int attempt) {
        try {
            JsonNode address = JSON.readTree(transfer.dataAddress());
            String token = endpointProperty(address, "authorization");
            String mediaType = endpointProperty(address, "mediaType");
            URI endpoint = URI.create(address.path("endpoint").asText());
            ReceivedCopy copy =
                    copies.begin(transfer.id(), transfer.agreementId(), transfer.counterpartyId(), mediaType);
            Result<ReceivedCopy> received = copies.receive(copy.id(), new HttpDataFetcher(http, endpoint, token));
            if (received.isOk()) {
                finish(transfer, received.value());
                return;
            }
            if (!received.problem().code().equals("transfer-interrupted")) {
                end(transfer, received.problem().detail());
                return;
            }
            Optional<Duration> wait = retries.after(attempt);
            if (wait.isEmpty()) {
                LOG.warn(
                        "pull of transfer {} stopped after {} attempts: {}; it resumes when the transfer is resumed"
                                + " or this connector restarts",
                        transfer.id(),
                        attempt,
                        received.problem().detail());
                return;
            }
            LOG.info(
                    "pull of transfer {} interrupted (attempt {}): {}; next attempt in {} s",
                    transfer.id(),
                    attempt,
                    received.problem().detail(),
                    wait.get().toSeconds());
            if (!workers.isShutdown()) {
                workers.schedule(
                        () -> retry(transfer.id(), attempt + 1), wait.get().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("pull of transfer {} failed", transfer.id(), e);
        }
    }

    /** The next attempt at a pull, if its transfer is still started (not suspended, completed or ended meanwhile). */
    private void retry(String transferId, int attempt) {
        joined().flatMap(j -> j.transfers().local(transferId))
                .filter(t -> t.state() == TransferState.STARTED)
                .ifPresent(t -> pull(t, attempt));
    }

    private void finish(TransferProcess transfer, ReceivedCopy copy) {
        joined().ifPresent(j -> {
            if (copy.state() == CopyState.COMPLETE) {
                LOG.info(
                        "transfer {}: copy {} complete, {} records, {} bytes, {}",
                        transfer.id(),
                        copy.id(),
                        copy.records(),
                        copy.bytes(),
                        copy.digest());
                j.transfers().control(transfer.id(), TransferState.Event.COMPLETE, null);
            } else {
                end(transfer, copy.problem());
            }
        });
    }

    private void end(TransferProcess transfer, String reason) {
        LOG.warn("transfer {} ends: {}", transfer.id(), reason);
        joined().ifPresent(j -> j.transfers().control(transfer.id(), TransferState.Event.TERMINATE, reason));
    }

    private static String endpointProperty(JsonNode address, String name) throws IOException {
        for (JsonNode p : address.path("endpointProperties")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("value").asText();
            }
        }
        throw new IOException("the data address has no " + name);
    }

    /**
     * After a restart: pulls that were interrupted while their transfer is still started continue, and so do this
     * provider's started pushes (one whose copy is whole already stops at the first question).
     */
    private void resumeInterrupted() {
        joined().ifPresent(j -> {
            copies.list(1000).stream()
                    .filter(c -> c.state() == CopyState.RECEIVING)
                    .forEach(c -> j.transfers()
                            .local(c.transferId())
                            .filter(t -> t.state() == TransferState.STARTED && PULL.equals(t.format()))
                            .ifPresent(t -> workers.execute(() -> pull(t))));
            j.transfers().list(ProcessRole.PROVIDER, TransferState.STARTED, 1000).stream()
                    .filter(t -> PUSH.equals(t.format()))
                    .forEach(t -> workers.execute(() -> push(t)));
        });
    }

    private void monitor() {
        try {
            if (joined().isPresent()) {
                copies.enforce(100)
                        .forEach(c -> LOG.info(
                                "copy {} of agreement {} deleted under the agreement's policy",
                                c.id(),
                                c.agreementId()));
            }
        } catch (RuntimeException e) {
            LOG.warn("the policy monitor's pass failed; it runs again in {}", monitorEvery, e);
        }
    }

    /** Stops the pulls and the monitor, and waits for them, so that nothing touches the database after. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("data plane workers still running after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
