package city.tds.catalog;

import city.tds.catalog.search.CatalogIndex;
import city.tds.catalog.search.CatalogSearch;
import city.tds.catalog.search.TextEmbedder;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.IdGenerator;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import java.time.Clock;

/** The space's catalog services, wired together over one store and one search index. */
public final class Catalog {

    private final Zones zones;
    private final Resources resources;
    private final Products products;
    private final Listing listing;
    private final CatalogIndexer indexer;
    private final CatalogQueries queries;
    private final DcatExport dcat;

    public Catalog(
            CatalogStore store,
            UnitOfWork unitOfWork,
            ParticipantDirectory directory,
            CryptoSuite suite,
            IdGenerator ids,
            Clock clock,
            CatalogSettings settings,
            EvidenceRecorder evidenceRecorder,
            CatalogIndex index,
            TextEmbedder embedder,
            ResourceGrader grader) {
        CatalogEvidence evidence = new CatalogEvidence(evidenceRecorder, clock);
        DraftChecks checks = new DraftChecks(store, settings);
        this.indexer = new CatalogIndexer(store, directory, index, embedder);
        this.zones = new Zones(store, unitOfWork, directory, ids, clock, evidence);
        this.resources = new Resources(store, unitOfWork, directory, ids, clock, evidence, grader);
        this.products = new Products(store, unitOfWork, directory, suite, ids, clock, settings, evidence, checks);
        this.listing = new Listing(store, unitOfWork, directory, ids, clock, settings, evidence, checks, indexer);
        this.queries = new CatalogQueries(zones, new CatalogSearch(index, embedder));
        this.dcat = new DcatExport(store, directory, settings);
    }

    public Zones zones() {
        return zones;
    }

    public Resources resources() {
        return resources;
    }

    public Products products() {
        return products;
    }

    public Listing listing() {
        return listing;
    }

    public CatalogIndexer indexer() {
        return indexer;
    }

    public CatalogQueries queries() {
        return queries;
    }

    public DcatExport dcat() {
        return dcat;
    }
}
