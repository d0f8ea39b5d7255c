package city.tds.protocol.negotiation;

import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.transfer.JdbiTransferStore;
import city.tds.protocol.transfer.TransferData;
import city.tds.protocol.transfer.TransferEndpoints;
import city.tds.protocol.transfer.TransferReaction;
import city.tds.protocol.transfer.Transfers;
import city.tds.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One participant's connector in a test: its own database, evidence log, both negotiation sides, the endpoints, and
 * an outbox that delivers through {@link Network}.
 */
final class TestConnector implements AutoCloseable {

    final String participant;
    final String address;
    final Database database;
    final EvidenceLog evidence;
    final NegotiationContext context;
    final ProviderNegotiations provider;
    final ConsumerNegotiations consumer;
    final NegotiationEndpoints endpoints;
    final OutboxDelivery outbox;
    final JdbiNegotiationStore store;
    final Transfers transfers;
    final TransferEndpoints transferEndpoints;
    final Agreements agreements;
    /** The usage reports this connector recorded as a provider, by report id. */
    final Map<String, UsageReport> reportsReceived = new ConcurrentHashMap<>();

    TestConnector(
            String participant,
            Database database,
            Clock clock,
            Network network,
            OfferDirectory offers,
            ProviderReaction reaction,
            TransferReaction transferReaction,
            TransferData transferData,
            RetryPolicy retry) {
        this.participant = participant;
        this.address = "https://" + participant + ".test/api/dsp/2025-1";
        this.database = database;
        CryptoSuite suite = new GmSuite(new SecureRandom());
        this.evidence = new EvidenceLog(
                new JdbiEvidenceStore(database, suite.hashLength()),
                database.unitOfWork(),
                suite,
                suite.generateSigningKeyPair(),
                clock,
                EvidenceSettings.DEFAULT);
        this.store = new JdbiNegotiationStore(database);
        this.context = new NegotiationContext(
                store,
                database.unitOfWork(),
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                evidence.recorder(),
                participant,
                address);
        this.provider = new ProviderNegotiations(context, offers, reaction);
        this.consumer = new ConsumerNegotiations(context);
        this.endpoints =
                new NegotiationEndpoints(provider, consumer, context, new DspMessageReader(new ObjectMapper()));
        this.transfers = new Transfers(context, new JdbiTransferStore(database), transferReaction, transferData);
        this.transferEndpoints = new TransferEndpoints(transfers, new DspMessageReader(new ObjectMapper()));
        this.agreements = new Agreements(
                context,
                agreementId -> {},
                (consumer, report) -> reportsReceived.putIfAbsent(report.reportId(), report) == null);
        this.outbox = new OutboxDelivery(context, network.transportFor(this), participant, retry, List.of(transfers));
        network.attach(this);
    }

    /** The evidence types recorded so far, in order. */
    List<String> evidenceTypes() {
        while (evidence.sequenceBatch() > 0) {
            // integrate everything recorded so far
        }
        return database.unitOfWork()
                .withHandle(h -> h.createQuery("SELECT event_type FROM evidence_leaf ORDER BY seq")
                        .mapTo(String.class)
                        .list());
    }

    @Override
    public void close() {
        database.close();
    }

    /** Routes posts between test connectors by their addresses, as the HTTP layer would. */
    static final class Network {
        private final Map<String, TestConnector> byAddress = new ConcurrentHashMap<>();
        private final Map<String, Counterparty> identities = new ConcurrentHashMap<>();
        private final java.util.Set<String> down = ConcurrentHashMap.newKeySet();

        void attach(TestConnector connector) {
            byAddress.put(connector.address, connector);
        }

        /** What the authentication layer would establish about {@code participant}'s credential. */
        void identify(Counterparty counterparty) {
            identities.put(counterparty.participantId(), counterparty);
        }

        void takeDown(String participant) {
            down.add(participant);
        }

        void bringUp(String participant) {
            down.remove(participant);
        }

        DspTransport transportFor(TestConnector sender) {
            return (url, message) -> {
                for (TestConnector target : byAddress.values()) {
                    if (url.startsWith(target.address + "/")) {
                        if (down.contains(target.participant)) {
                            return new DspTransport.Unreachable("connection refused");
                        }
                        Counterparty from = identities.getOrDefault(
                                sender.participant, new Counterparty(sender.participant, null, null, null));
                        String path = url.substring(target.address.length());
                        byte[] body = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        DspResponse response = path.startsWith("/transfers")
                                ? target.transferEndpoints.handle("POST", path, from, body)
                                : path.startsWith("/agreements")
                                        ? target.agreements.handle("POST", path, from, body)
                                        : target.endpoints.handle("POST", path, from, body);
                        return response.status() < 300
                                ? new DspTransport.Delivered(response.body())
                                : new DspTransport.Refused(response.status(), String.valueOf(response.body()));
                    }
                }
                return new DspTransport.Unreachable("unknown host in " + url);
            };
        }

        /** Delivers queued messages everywhere until nothing more is due; returns how many were delivered. */
        int settle() {
            int total = 0;
            for (int round = 0; round < 50; round++) {
                int delivered = 0;
                for (TestConnector connector : byAddress.values()) {
                    delivered += connector.outbox.deliverDue(100);
                }
                total += delivered;
                if (delivered == 0) {
                    return total;
                }
            }
            throw new AssertionError("messages kept flowing after 50 rounds");
        }
    }
}
