package city.tds.server.protocol;

import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.identity.ConnectorPresentations;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspDispatcher;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.catalog.CatalogEndpoints;
import city.tds.protocol.negotiation.Agreements;
import city.tds.protocol.negotiation.ConsumerNegotiations;
import city.tds.protocol.negotiation.JdbiNegotiationStore;
import city.tds.protocol.negotiation.NegotiationContext;
import city.tds.protocol.negotiation.NegotiationEndpoints;
import city.tds.protocol.negotiation.OutboxDelivery;
import city.tds.protocol.negotiation.ProviderNegotiations;
import city.tds.protocol.negotiation.ProviderReaction;
import city.tds.protocol.negotiation.RetryPolicy;
import city.tds.protocol.transfer.JdbiTransferStore;
import city.tds.protocol.transfer.TransferData;
import city.tds.protocol.transfer.TransferEndpoints;
import city.tds.protocol.transfer.TransferReaction;
import city.tds.protocol.transfer.Transfers;
import city.tds.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dataspace Protocol on a connector node: its negotiation store, both sides of negotiation, the catalog protocol
 * over the participant's listed products, and the outbox worker. Serves once the connector has joined a space (its
 * membership known from configuration at start, or given after onboarding); before that its DSP endpoints answer 503.
 */
public final class ProtocolAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolAssembly.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int BATCH = 200;
    /** Messages are sent concurrently on this many threads; most of a send is waiting for the other connector. */
    private static final int SENDERS = 8;

    /** What exists once the connector knows who it is. */
    public record Joined(
            ConnectorSession session,
            ProviderNegotiations provider,
            ConsumerNegotiations consumer,
            DspDispatcher dispatcher,
            ConnectorPresentations presentations,
            OutboxDelivery outbox,
            DspClient client,
            Transfers transfers,
            Agreements agreements) {}

    private final Database database;
    private final CryptoSuite suite;
    private final SigningKeyPair keys;
    private final Clock clock;
    private final EvidenceRecorder evidence;
    private final IdGenerator ids;
    private final String holder;
    private final String selfAddress;
    private final TransferData transferData;
    private final AtomicReference<Joined> joined = new AtomicReference<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService senders;
    private final Thread worker;
    private volatile boolean closed;

    public ProtocolAssembly(
            String nodeName,
            String publicUrl,
            Database database,
            CryptoSuite suite,
            SigningKeyPair keys,
            Clock clock,
            EvidenceRecorder evidence,
            IdGenerator ids,
            String holder,
            TransferData transferData) {
        this.transferData = transferData;
        this.database = database;
        this.suite = suite;
        this.keys = keys;
        this.clock = clock;
        this.evidence = evidence;
        this.ids = ids;
        this.holder = holder;
        this.selfAddress = Dsp.base(publicUrl) + "/api/dsp" + Dsp.VERSION_PATH;
        AtomicInteger sender = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "tds-" + nodeName + "-dsp-send-" + sender.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.worker = new Thread(this::deliverLoop, "tds-" + nodeName + "-dsp-outbox");
        worker.setDaemon(true);
        worker.start();
    }

    /** This connector's DSP base URL, as counterparties call it. */
    public String selfAddress() {
        return selfAddress;
    }

    /** Joins a space: from now on the connector negotiates as {@code membership}'s participant. */
    public synchronized Joined join(ConnectorMembership membership) {
        ConnectorSession session = new ConnectorSession(membership, suite, keys, clock);
        NegotiationContext context = new NegotiationContext(
                new JdbiNegotiationStore(database),
                database.unitOfWork(),
                ids,
                clock,
                evidence,
                membership.participantId(),
                selfAddress,
                wakeUp::release);
        SpaceDatasets datasets = new SpaceDatasets(() -> session, clock);
        ProviderNegotiations provider = new ProviderNegotiations(context, datasets::offer, ProviderReaction.AGREE);
        ConsumerNegotiations consumer = new ConsumerNegotiations(context);
        DspMessageReader reader = new DspMessageReader(new ObjectMapper());
        HttpDspTransport transport = new HttpDspTransport(() -> session);
        Transfers transfers =
                new Transfers(context, new JdbiTransferStore(database), TransferReaction.START, transferData);
        Agreements agreements = new Agreements(context, transferData::agreementEnded, transferData::usageReported);
        Joined j = new Joined(
                session,
                provider,
                consumer,
                new DspDispatcher(
                        new CatalogEndpoints(datasets, reader, clock, membership.participantId(), selfAddress),
                        new NegotiationEndpoints(provider, consumer, context, reader),
                        new TransferEndpoints(transfers, reader),
                        agreements),
                new ConnectorPresentations(session, clock),
                new OutboxDelivery(context, transport, holder, RetryPolicy.DEFAULT, List.of(transfers)),
                new DspClient(transport),
                transfers,
                agreements);
        joined.set(j);
        LOG.info("connector joined space {} as participant {}", membership.issuer(), membership.participantId());
        return j;
    }

    /** The joined state, if the connector has joined a space. */
    public Optional<Joined> joined() {
        return Optional.ofNullable(joined.get());
    }

    public DspRoutes routes() {
        return new DspRoutes(this);
    }

    /**
     * Delivers queued messages as soon as a unit of work that queued some commits, and at least every {@link
     * #POLL} (for retries that come due and messages another replica queued).
     */
    private void deliverLoop() {
        while (!closed) {
            try {
                wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                Joined j = joined.get();
                while (j != null && !closed && j.outbox().deliverDue(BATCH, senders) > 0) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("delivering DSP messages failed; will retry", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        senders.shutdownNow();
        try {
            worker.join(5000);
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
