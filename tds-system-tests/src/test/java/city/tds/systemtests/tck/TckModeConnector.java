package city.tds.systemtests.tck;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.policy.Action;
import city.tds.policy.Policies;
import city.tds.policy.Policy;
import city.tds.policy.PolicyType;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspDispatcher;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.NegotiationState;
import city.tds.protocol.ProcessRole;
import city.tds.protocol.TransferState;
import city.tds.protocol.TransferState.Event;
import city.tds.protocol.catalog.CatalogEndpoints;
import city.tds.protocol.catalog.DatasetDirectory;
import city.tds.protocol.catalog.DspDataset;
import city.tds.protocol.negotiation.Agreement;
import city.tds.protocol.negotiation.ConsumerNegotiations;
import city.tds.protocol.negotiation.ContractNegotiation;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import city.tds.protocol.negotiation.DspTransport;
import city.tds.protocol.negotiation.JdbiNegotiationStore;
import city.tds.protocol.negotiation.NegotiationContext;
import city.tds.protocol.negotiation.NegotiationEndpoints;
import city.tds.protocol.negotiation.Offer;
import city.tds.protocol.negotiation.OutboxDelivery;
import city.tds.protocol.negotiation.ProviderNegotiations;
import city.tds.protocol.negotiation.RetryPolicy;
import city.tds.protocol.transfer.JdbiTransferStore;
import city.tds.protocol.transfer.TransferEndpoints;
import city.tds.protocol.transfer.TransferProcess;
import city.tds.protocol.transfer.Transfers;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TDS connector in TCK mode, for the DSP TCK only: the protocol stack a node runs (the same catalog, negotiation and
 * transfer endpoints behind {@link DspDispatcher}, the same state machines, store, outbox, evidence and policy
 * evaluation, on an embedded H2 database), seeded with the datasets, offers and agreements {@link TckScript} names and
 * reacting as it scripts. It lives in test code only: nothing in a node can switch it on.
 *
 * <p>What differs from a node: callers are authenticated by the one static bearer token the TCK sends (the TCK has no
 * participant credentials to present), the TCK's initiate endpoints ({@code /tck/negotiations/requests}, {@code
 * /tck/transfers/requests}) start the consumer side, and delivery retries a 404 quickly, because the TCK's callback
 * server answers 404 until the test has registered the handler for the next message.
 */
final class TckModeConnector implements AutoCloseable {

    static final String PARTICIPANT = "urn:tds:participant:tck-connector";
    /** How long after an exchange with the TCK ended a message to it may go out; see {@link TckTransport}. */
    private static final Duration SETTLE = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Counterparty TCK = new Counterparty(TckScript.TCK_PARTICIPANT, null, null, java.util.Set.of());

    private final TckScript script;
    private final String token;
    private final String tckAddress;
    private final Database database;
    private final NegotiationContext context;
    private final ProviderNegotiations provider;
    private final ConsumerNegotiations consumer;
    private final Transfers transfers;
    private final JdbiTransferStore transferStore;
    private final DspDispatcher dispatcher;
    private final OutboxDelivery outbox;
    private final HttpServer server;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private final Thread worker;
    private final Map<String, AtomicInteger> stepsTaken = new ConcurrentHashMap<>();
    private final DspPolicies policies = new DspPolicies();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastAnswered = System.nanoTime();
    private volatile boolean closed;

    TckModeConnector(Path dataDir, TckScript script, String token, String tckAddress) throws IOException {
        this.script = script;
        this.token = token;
        this.tckAddress = tckAddress;
        Clock clock = Clock.systemUTC();
        this.database = Database.open(DatabaseSettings.embedded(dataDir));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String self = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/dsp" + Dsp.VERSION_PATH;
        CryptoSuite suite = new GmSuite(new SecureRandom());
        EvidenceLog evidence = new EvidenceLog(
                new JdbiEvidenceStore(database, suite.hashLength()),
                database.unitOfWork(),
                suite,
                suite.generateSigningKeyPair(),
                clock,
                EvidenceSettings.DEFAULT);
        this.context = new NegotiationContext(
                new JdbiNegotiationStore(database),
                database.unitOfWork(),
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                evidence.recorder(),
                PARTICIPANT,
                self,
                wakeUp::release);
        Map<String, Offer> offers = new ConcurrentHashMap<>();
        for (String dataset : script.providerDatasets()) {
            String offerId = TckScript.offerId(dataset);
            offers.put(offerId, Offer.of(offerId, dataset, PARTICIPANT, usePolicy(offerId, dataset)));
        }
        this.provider =
                new ProviderNegotiations(context, id -> Optional.ofNullable(offers.get(id)), script.providerReaction());
        this.consumer = new ConsumerNegotiations(context, script.consumerReaction());
        this.transferStore = new JdbiTransferStore(database);
        this.transfers = new Transfers(context, transferStore, script.transferReaction());
        DspMessageReader reader = new DspMessageReader(JSON);
        DatasetDirectory datasets = new DatasetDirectory() {
            @Override
            public List<DspDataset> datasets() {
                return script.providerDatasets().stream()
                        .map(d -> find(d).orElseThrow())
                        .toList();
            }

            @Override
            public Optional<DspDataset> find(String id) {
                Offer offer = offers.get(TckScript.offerId(id));
                return offer == null
                        ? Optional.empty()
                        : Optional.of(new DspDataset(
                                id, "TCK dataset " + id, null, List.of(), List.of(offer), List.of("HttpData-PULL")));
            }
        };
        this.dispatcher = new DspDispatcher(
                new CatalogEndpoints(datasets, reader, clock, PARTICIPANT, self),
                new NegotiationEndpoints(provider, consumer, context, reader),
                new TransferEndpoints(transfers, reader));
        this.outbox = new OutboxDelivery(
                context,
                new TckTransport(),
                "tck-connector",
                new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 60),
                List.of(transfers, new ScriptedSteps()));
        seedAgreements(clock);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        this.worker = new Thread(this::deliverLoop, "tck-connector-outbox");
        worker.setDaemon(true);
        worker.start();
    }

    /** Where the TCK reaches this connector, e.g. {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The DSP base of this connector. */
    String protocolUrl() {
        return context.selfAddress();
    }

    private static Policy usePolicy(String uid, String target) {
        return Policies.offer(uid, PARTICIPANT, target, Policies.permission(Action.USE, List.of(), List.of()));
    }

    /**
     * The agreements the transfer tests name, each from a negotiation finalized with the TCK: as provider (the TCK's
     * consumer asks to transfer) and as consumer (this connector asks the TCK's provider).
     */
    private void seedAgreements(Clock clock) {
        context.tx().run(t -> {
            for (String agreement : script.providerAgreements()) {
                seed(agreement, ProcessRole.PROVIDER, PARTICIPANT, TckScript.TCK_PARTICIPANT, tckAddress, clock);
            }
            for (String agreement : script.consumerAgreements()) {
                seed(agreement, ProcessRole.CONSUMER, TckScript.TCK_PARTICIPANT, PARTICIPANT, tckAddress, clock);
            }
        });
    }

    private void seed(
            String agreementId, ProcessRole role, String providerId, String consumerId, String address, Clock clock) {
        String negotiationId = "urn:uuid:" + context.ids().newId();
        String target = "dataset-of-" + agreementId;
        Policy policy = new Policy(
                agreementId,
                PolicyType.AGREEMENT,
                providerId,
                consumerId,
                target,
                List.of(Policies.permission(Action.USE, List.of(), List.of())),
                List.of(),
                List.of());
        ObjectNode json = policies.write(policy);
        context.store()
                .insert(new ContractNegotiation(
                        negotiationId,
                        role,
                        role == ProcessRole.PROVIDER ? negotiationId : "urn:uuid:tck-" + agreementId,
                        role == ProcessRole.CONSUMER ? negotiationId : "urn:uuid:tck-" + agreementId,
                        TckScript.TCK_PARTICIPANT,
                        address,
                        NegotiationState.FINALIZED,
                        "offer-of-" + agreementId,
                        target,
                        json.toString(),
                        agreementId,
                        null,
                        0,
                        clock.instant(),
                        clock.instant()));
        context.store()
                .insertAgreement(new Agreement(
                        agreementId, negotiationId, providerId, consumerId, target, json.toString(), clock.instant()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            DspResponse response;
            if (path.equals("/.well-known/dspace-version")) {
                response = new DspResponse(200, DspMessages.versionMetadata("/api/dsp" + Dsp.VERSION_PATH));
            } else if (path.equals("/tck/negotiations/requests") || path.equals("/tck/transfers/requests")) {
                response = initiate(path, body);
            } else if (path.startsWith("/api/dsp" + Dsp.VERSION_PATH + "/")) {
                String below = path.substring(("/api/dsp" + Dsp.VERSION_PATH).length());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (!("Bearer " + token).equals(authorization)) {
                    response = DspDispatcher.refusal(
                            below,
                            new Problem(
                                    ProblemKind.UNAUTHENTICATED,
                                    "dsp-unauthenticated",
                                    "this TCK-mode connector takes only the TCK's bearer token"));
                } else {
                    response = dispatcher.handle(method, below, TCK, body);
                    if (response.status() < 300 && method.equals("POST") && below.endsWith("/start")) {
                        afterStarted(below);
                    }
                }
            } else {
                response = new DspResponse(404, null);
            }
            byte[] out = response.body() == null ? new byte[0] : JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        } finally {
            lastAnswered = System.nanoTime();
            inFlight.decrementAndGet();
        }
    }

    /** The TCK's initiate calls: plain JSON naming the offer or agreement and the TCK's address. */
    private DspResponse initiate(String path, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        Result<String> started;
        if (path.contains("negotiations")) {
            String dataset = request.path("datasetId").asText();
            ObjectNode offer = JSON.createObjectNode()
                    .put("@id", request.path("offerId").asText())
                    .put("@type", "Offer")
                    .put("target", dataset);
            offer.putArray("permission").addObject().put("action", "use");
            started = consumer.request(
                            request.path("providerId").asText(),
                            request.path("connectorAddress").asText(),
                            offer)
                    .map(ContractNegotiation::id);
        } else {
            started = transfers
                    .request(
                            request.path("agreementId").asText(),
                            request.path("format").asText())
                    .map(TransferProcess::id);
        }
        if (!started.isOk()) {
            return new DspResponse(
                    started.problem().kind().httpStatus(),
                    JSON.createObjectNode()
                            .put("code", started.problem().code())
                            .put("detail", started.problem().detail()));
        }
        return new DspResponse(200, JSON.createObjectNode().put("id", started.value()));
    }

    /** The TCK started a transfer this connector consumes: take the scripted step that waits for that. */
    private void afterStarted(String path) {
        String pid = path.split("/")[2];
        transferStore.find(pid).ifPresent(p -> takeStep(p.agreementId(), pid, TckScript.Trigger.STARTED));
    }

    private void takeStep(String key, String processId, TckScript.Trigger trigger) {
        AtomicInteger taken = stepsTaken.computeIfAbsent(key, k -> new AtomicInteger());
        Optional<TckScript.Step> next = script.step(key, taken.get());
        if (next.isEmpty() || next.get().trigger() != trigger) {
            return;
        }
        taken.incrementAndGet();
        TckScript.Action action = next.get().action();
        Optional<ContractNegotiation> negotiation = context.store().find(processId);
        if (negotiation.isPresent()) {
            // the only scripted negotiation step is ending it
            if (negotiation.get().role() == ProcessRole.PROVIDER) {
                provider.terminate(processId, "scripted by the TCK scenario");
            } else {
                consumer.terminate(processId, "scripted by the TCK scenario");
            }
            return;
        }
        Event event =
                switch (action) {
                    case SUSPEND -> Event.SUSPEND;
                    case START -> Event.START;
                    case COMPLETE -> Event.COMPLETE;
                    case TERMINATE -> Event.TERMINATE;
                };
        transfers.control(processId, event, action == TckScript.Action.COMPLETE ? null : "scripted by the TCK");
    }

    /** After each message the TCK took, the scenario's next step, if it waits for that. */
    private final class ScriptedSteps implements OutboxDelivery.ProcessListener {
        @Override
        public void providerAnswered(String processId, JsonNode body) {
            Optional<String> key = context.store()
                    .find(processId)
                    .map(ContractNegotiation::target)
                    .or(() -> transferStore.find(processId).map(TransferProcess::agreementId));
            key.ifPresent(k -> takeStep(k, processId, TckScript.Trigger.DELIVERED));
        }

        @Override
        public void gaveUp(String processId, String reason) {
            // the process ends here with the reason; the TCK test that expected otherwise fails on its own
        }
    }

    /**
     * Posts to the TCK, paced to it. The TCK's side of a process takes this connector's answer to its request only
     * after the HTTP exchange ends, and its handler for the next message is one-shot: a start or agreement sent at
     * once (as a node does) can overtake the answer and be refused, and the handler is gone. So a message goes out
     * only when no exchange with the TCK is open and the last one ended {@link #SETTLE} ago; until then it is
     * deferred like an unreachable delivery (and retried by the outbox's backoff). A 404 is retried too: the TCK's
     * callback server answers it until the test registers the handler. From a real counterparty a 404 is final, as in
     * {@code HttpDspTransport}.
     */
    private final class TckTransport implements DspTransport {
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public Delivery post(String url, String message) {
            if (inFlight.get() > 0 || System.nanoTime() - lastAnswered < SETTLE.toNanos()) {
                return new Unreachable("deferred until the TCK has taken the last answer");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String text = response.body();
                    return new Delivered(text == null || text.isBlank() ? null : JSON.readTree(text));
                }
                if (status == 404 || status >= 500) {
                    return new Unreachable("HTTP " + status);
                }
                return new Refused(status, response.body());
            } catch (IOException e) {
                return new Unreachable(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Unreachable("interrupted");
            }
        }
    }

    private void deliverLoop() {
        while (!closed) {
            try {
                wakeUp.tryAcquire(50, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (!closed && outbox.deliverDue(100, senders) > 0) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    /** The states of this connector's processes, for the test's report. */
    Map<String, Long> statesOfNegotiations() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (ProcessRole role : ProcessRole.values()) {
            for (ContractNegotiation n : context.store().list(role, null, 1000)) {
                counts.merge(role + " " + n.state(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Transfer processes in {@code state}, on both sides. */
    long transfersIn(TransferState state) {
        return transfers.list(ProcessRole.PROVIDER, state, 1000).size()
                + transfers.list(ProcessRole.CONSUMER, state, 1000).size();
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        server.stop(0);
        senders.shutdownNow();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
