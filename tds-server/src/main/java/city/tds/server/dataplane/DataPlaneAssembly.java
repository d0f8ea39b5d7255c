package city.tds.server.dataplane;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.dataplane.Sealing;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.edr.EdrStore;
import city.tds.dataplane.received.Copies;
import city.tds.dataplane.received.CopyState;
import city.tds.dataplane.received.JdbiCopyStore;
import city.tds.dataplane.received.ReceivedCopy;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.serve.DeliveryStore;
import city.tds.dataplane.source.JdbiSourceStore;
import city.tds.dataplane.source.SourceDefinition;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.usage.UsageLog;
import city.tds.policy.Action;
import city.tds.policy.UsageRequest;
import city.tds.protocol.Dsp;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.JdbiNegotiationStore;
import city.tds.protocol.transfer.TransferData;
import city.tds.protocol.transfer.TransferProcess;
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

    static final String PULL = "HttpData-PULL";
    private static final String HTTP_ENDPOINT = "https://w3id.org/idsa/v4.1/HTTP";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dataBase;
    private final Sources sources;
    private final AccessTokens tokens;
    private final Deliveries deliveries;
    private final Copies copies;
    private final UsageLog usage;
    private final ProductSources productSources;
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
            Duration monitorEvery) {
        this.monitorEvery = monitorEvery;
        this.dataBase = Dsp.base(publicUrl) + "/api/data/v1/transfers/";
        Sealing sealing = Sealing.of(suite, keys);
        this.sources = new Sources(new JdbiSourceStore(database), sealing, dataDir.resolve("sources"), clock);
        this.tokens = new AccessTokens(new EdrStore(database), suite, clock);
        this.usage = new UsageLog(database);
        this.deliveries = new Deliveries(
                tokens,
                sources,
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
                new ProtocolAgreementTerms(new JdbiNegotiationStore(database)),
                at -> joined().map(j -> j.session().asRecipient().facts(at)).orElse(UsageRequest.of(Action.USE, at)),
                usage,
                evidence,
                ids,
                clock,
                this::self);
        this.productSources = new ProductSources(sources);
        AtomicInteger thread = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(2, r -> {
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
        workers.execute(this::resumeInterruptedPulls);
    }

    /** The data endpoint for pulls and the data plane's management API. */
    public List<ApiRoutes> routes(JsonBody json) {
        return List.of(new DataRoutes(this), new DataPlaneRoutes(this, json));
    }

    public Sources sources() {
        return sources;
    }

    public Copies copies() {
        return copies;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public UsageLog usage() {
        return usage;
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
        if (!PULL.equals(transfer.format())) {
            return Result.ok(Optional.empty());
        }
        Optional<ProtocolAssembly.Joined> j = joined();
        if (j.isEmpty()) {
            return Result.fail(Problem.conflict("not-joined", "this connector has not joined a space"));
        }
        Result<SourceDefinition> source =
                productSources.of(agreement.target(), j.get().session());
        if (!source.isOk()) {
            return Result.fail(source.problem());
        }
        AccessTokens.Issued issued = tokens.issue(
                transfer.id(),
                agreement.id(),
                transfer.counterpartyId(),
                source.value().name(),
                TOKEN_LIFE);
        ObjectNode address = JsonNodeFactory.instance
                .objectNode()
                .put("@type", "DataAddress")
                .put("endpointType", HTTP_ENDPOINT)
                .put("endpoint", dataBase + transfer.id());
        ArrayNode properties = address.putArray("endpointProperties");
        property(properties, "authorization", issued.token());
        property(properties, "authType", "bearer");
        property(properties, "mediaType", source.value().kind().mediaType());
        property(properties, "expiresAt", issued.edr().expiresAt().toString());
        return Result.ok(Optional.of(address));
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
            if (transfer.state() != TransferState.STARTED && transfer.state() != TransferState.REQUESTED) {
                tokens.revoke(transfer.id(), "the transfer is " + transfer.state());
            }
            return;
        }
        if (transfer.state() == TransferState.STARTED
                && PULL.equals(transfer.format())
                && transfer.dataAddress() != null) {
            workers.execute(() -> pull(transfer));
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

    // the consumer's side

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

    /** After a restart: pulls that were interrupted while their transfer is still started continue. */
    private void resumeInterruptedPulls() {
        joined().ifPresent(j -> copies.list(1000).stream()
                .filter(c -> c.state() == CopyState.RECEIVING)
                .forEach(c -> j.transfers()
                        .local(c.transferId())
                        .filter(t -> t.state() == TransferState.STARTED)
                        .ifPresent(t -> workers.execute(() -> pull(t)))));
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
