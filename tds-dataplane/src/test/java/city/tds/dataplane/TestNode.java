package city.tds.dataplane;

import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.testkit.MutableClock;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SuiteId;
import city.tds.dataplane.api.ApiCallCount;
import city.tds.dataplane.api.ApiCalls;
import city.tds.dataplane.api.ApiGrantStore;
import city.tds.dataplane.api.UpstreamApi;
import city.tds.dataplane.edr.AccessTokens;
import city.tds.dataplane.edr.EdrStore;
import city.tds.dataplane.received.AgreementTerms;
import city.tds.dataplane.received.Copies;
import city.tds.dataplane.received.JdbiCopyStore;
import city.tds.dataplane.serve.Deliveries;
import city.tds.dataplane.serve.DeliveryStore;
import city.tds.dataplane.source.DeliveryMasking;
import city.tds.dataplane.source.JdbiSourceStore;
import city.tds.dataplane.source.Sources;
import city.tds.dataplane.usage.UsageEvent;
import city.tds.dataplane.usage.UsageLog;
import city.tds.policy.Action;
import city.tds.policy.UsageRequest;
import city.tds.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One connector's data plane in a test: both sides (provider's sources and deliveries, consumer's copies). */
public final class TestNode {

    public final Database database;
    public final CryptoSuite suite = CryptoSuites.create(SuiteId.GM, new SecureRandom());
    public final Sealing sealing;
    public final RecordingEvidence evidence;
    public final Sources sources;
    public final AccessTokens tokens;
    public final Deliveries deliveries;
    public final Copies copies;
    public final UsageLog usage;
    public final DeliveryStore delivered;
    /** API calls through this provider, to internal APIs that must answer within a second and at most 64 KiB. */
    public final ApiCalls apis;
    /** Transfers whose data may not flow now, with why (a test suspends one by putting it here). */
    public final Map<String, String> closed = new ConcurrentHashMap<>();
    /** The reads this node's copies reported to their providers. */
    public final List<UsageEvent> reported = new CopyOnWriteArrayList<>();

    public TestNode(Database database, Path dir, MutableClock clock, String self, AgreementTerms terms) {
        this(database, dir, clock, self, terms, DeliveryMasking.NONE);
    }

    /** As above, with {@code masking} for sources with a masking profile. */
    public TestNode(
            Database database,
            Path dir,
            MutableClock clock,
            String self,
            AgreementTerms terms,
            DeliveryMasking masking) {
        this.database = database;
        this.sealing = Sealing.of(suite, suite.generateSigningKeyPair());
        this.evidence = new RecordingEvidence(database.unitOfWork());
        this.sources = new Sources(new JdbiSourceStore(database), sealing, dir.resolve("sources"), clock, masking);
        this.tokens = new AccessTokens(new EdrStore(database), suite, clock);
        this.usage = new UsageLog(database);
        this.delivered = new DeliveryStore(database);
        this.deliveries = new Deliveries(
                tokens,
                transfer -> Optional.ofNullable(closed.get(transfer)),
                sources,
                terms,
                masking,
                delivered,
                database.unitOfWork(),
                usage,
                evidence,
                suite,
                clock,
                () -> self);
        this.apis = new ApiCalls(
                tokens,
                transfer -> Optional.ofNullable(closed.get(transfer)),
                new ApiGrantStore(database),
                new ApiCallCount(database),
                terms,
                sources,
                new UpstreamApi(UpstreamApi.client(), Duration.ofSeconds(1), 64 * 1024),
                database.unitOfWork(),
                usage,
                evidence,
                clock,
                () -> self);
        this.copies = new Copies(
                new JdbiCopyStore(database),
                database.unitOfWork(),
                sealing,
                dir.resolve("copies"),
                terms,
                at -> UsageRequest.of(Action.USE, at).withRecipient(self, "金融", "ENTERPRISE", Set.of()),
                usage,
                (reportId, copyId, use, read) -> reported.add(read),
                evidence,
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                () -> self);
    }
}
