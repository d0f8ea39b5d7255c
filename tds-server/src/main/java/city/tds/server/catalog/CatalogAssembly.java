package city.tds.server.catalog;

import city.tds.catalog.Catalog;
import city.tds.catalog.CatalogSettings;
import city.tds.catalog.JdbiCatalogStore;
import city.tds.catalog.search.BgeSmallZhEmbedder;
import city.tds.catalog.search.CatalogIndex;
import city.tds.core.id.IdGenerator;
import city.tds.crypto.CryptoSuite;
import city.tds.evidence.log.EvidenceLog;
import city.tds.identity.Identity;
import city.tds.server.config.TdsConfig;
import city.tds.store.Database;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of a space node: store, search index under the data directory, the embedding model (loaded on first
 * use, never on the start-up path), and the scheduler that lists products whose public notice has ended.
 */
public final class CatalogAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogAssembly.class);

    private final Catalog catalog;
    private final CatalogIndex index;
    private final ScheduledExecutorService scheduler;

    private CatalogAssembly(Catalog catalog, CatalogIndex index, ScheduledExecutorService scheduler) {
        this.catalog = catalog;
        this.index = index;
        this.scheduler = scheduler;
    }

    /**
     * Assembles the catalog over the index {@code indexOpening} opens (which keeps owning it), brings the index up to
     * date with the store, and starts the notice scheduler.
     */
    public static CatalogAssembly open(
            CatalogIndexOpening indexOpening,
            TdsConfig config,
            Database database,
            Identity identity,
            CryptoSuite suite,
            IdGenerator ids,
            Clock clock,
            EvidenceLog evidence) {
        BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder();
        CatalogIndex index = indexOpening.await();
        TdsConfig.CatalogConfig c = config.catalog();
        CatalogSettings settings = CatalogSettings.defaults(c.spaceCode()).withNoticePeriod(c.noticePeriod());
        Catalog catalog = new Catalog(
                new JdbiCatalogStore(database),
                database.unitOfWork(),
                new IdentityParticipantDirectory(identity),
                suite,
                ids,
                clock,
                settings,
                evidence.recorder(),
                index,
                embedder,
                new city.tds.server.governance.GovernanceResourceGrader(
                        config.governance().gradingRules()));
        catalog.indexer().ensureCurrent();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tds-" + config.node().name() + "-notices");
            t.setDaemon(true);
            return t;
        });
        long every = c.noticeCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        catalog.listing().concludeNotices(null);
                    } catch (RuntimeException e) {
                        LOG.warn("listing products whose notice ended failed; will retry", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return new CatalogAssembly(catalog, index, scheduler);
    }

    /**
     * Loads the search analyzers on the notice thread, so that the first search after start does not pay for it; a
     * request that comes first loads them itself.
     */
    public void warmUpAside() {
        scheduler.execute(() -> {
            try {
                index.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("loading the catalog search analyzers failed; the first search will try again", e);
            }
        });
    }

    public Catalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
