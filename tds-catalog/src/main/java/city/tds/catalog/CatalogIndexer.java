package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.catalog.search.CatalogIndex;
import city.tds.catalog.search.SearchDocument;
import city.tds.catalog.search.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index current with the store: each listing change is applied after it commits, and the index's
 * commit data carries the store's listing revision, so that an index left behind (a crash between commit and index
 * update, a copied data directory) is noticed and rebuilt from the store. Product vectors are computed once, when a
 * version is first indexed, and kept in the store, so a rebuild does not run the embedding model again.
 */
public final class CatalogIndexer implements ListingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogIndexer.class);
    static final String REVISION = "tds.catalog.revision";
    private static final int PAGE = 500;

    private final CatalogStore store;
    private final ParticipantDirectory directory;
    private final CatalogIndex index;
    private final TextEmbedder embedder;

    public CatalogIndexer(
            CatalogStore store, ParticipantDirectory directory, CatalogIndex index, TextEmbedder embedder) {
        this.store = store;
        this.directory = directory;
        this.index = index;
        this.embedder = embedder;
    }

    /** What a rebuild did. */
    public record Rebuild(long products, long embedded, long revision) {}

    @Override
    public synchronized void listed(String productId) {
        Optional<DataProduct> product = store.product(productId);
        Optional<ProductVersion> listed = product.map(DataProduct::listedVersion)
                .flatMap(v -> store.version(productId, v))
                .filter(v -> v.status().searchable());
        if (listed.isEmpty()) {
            index.remove(productId);
        } else {
            ProductVersion v = listed.get();
            SearchDocument doc = document(v, product.get().registrationCode());
            index.upsert(doc, vectorOf(v, doc));
        }
        index.commit(Map.of(REVISION, Long.toString(store.listingRevision())));
    }

    @Override
    public synchronized void unlisted(String productId) {
        index.remove(productId);
        index.commit(Map.of(REVISION, Long.toString(store.listingRevision())));
    }

    /** Whether the index reflects every listing change in the store. */
    public boolean current() {
        return Long.toString(store.listingRevision()).equals(index.commitData().get(REVISION));
    }

    /** Rebuilds the index if it is behind the store; returns what the rebuild did, or empty if it was current. */
    public Optional<Rebuild> ensureCurrent() {
        return current() ? Optional.empty() : Optional.of(rebuild());
    }

    /** Rebuilds the index from the store, computing (and keeping) vectors that are missing. */
    public synchronized Rebuild rebuild() {
        long revision = store.listingRevision();
        List<CatalogIndex.IndexedProduct> all = new ArrayList<>();
        long embedded = 0;
        String after = null;
        while (true) {
            List<CatalogStore.ListedProduct> page = store.listedProducts(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (CatalogStore.ListedProduct listed : page) {
                SearchDocument doc = document(listed.version(), listed.registrationCode());
                float[] vector = listed.embedding();
                if (vector == null || vector.length != embedder.dimensions()) {
                    vector = embed(listed.version(), doc);
                    embedded++;
                }
                all.add(new CatalogIndex.IndexedProduct(doc, vector));
            }
            after = page.get(page.size() - 1).version().productId();
        }
        index.replaceAll(all, Map.of(REVISION, Long.toString(revision)));
        LOG.info("catalog index rebuilt: {} listed products, {} newly embedded", all.size(), embedded);
        return new Rebuild(all.size(), embedded, revision);
    }

    /** The document the index keeps for a listed version. */
    SearchDocument document(ProductVersion v, RegistrationCode code) {
        List<DataResource> resources = v.resourceIds().stream()
                .map(store::resource)
                .flatMap(Optional::stream)
                .toList();
        List<String> fieldNames = resources.stream()
                .flatMap(r -> r.fields().stream())
                .map(f -> f.description() == null || f.description().isBlank() ? f.name() : f.description())
                .distinct()
                .limit(200)
                .toList();
        String grade = resources.stream()
                .map(DataResource::grade)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(Enum::name)
                .orElse(null);
        String providerName =
                directory.participant(v.providerId()).map(ParticipantInfo::name).orElse(v.providerId());
        return new SearchDocument(
                v.productId(),
                v.name(),
                v.description(),
                v.keywords(),
                fieldNames,
                v.providerId(),
                providerName,
                v.industry(),
                v.type().name(),
                grade,
                v.deliveryModes().stream().map(Enum::name).sorted().toList(),
                v.zoneIds(),
                code == null ? null : code.toString(),
                v.listedAt());
    }

    private float[] vectorOf(ProductVersion v, SearchDocument doc) {
        return store.embedding(v.productId(), v.version())
                .filter(e -> e.length == embedder.dimensions())
                .orElseGet(() -> embed(v, doc));
    }

    private float[] embed(ProductVersion v, SearchDocument doc) {
        float[] vector = embedder.embed(doc.embeddingText());
        store.saveEmbedding(v.productId(), v.version(), vector);
        return vector;
    }
}
