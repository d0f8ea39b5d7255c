package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.store.Timestamps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The product catalog (产品目录): providers write products and their versions, with attachments for review. */
public final class Products {

    private static final Set<ListingStatus> REVISABLE =
            EnumSet.of(ListingStatus.LISTED, ListingStatus.SUSPENDED, ListingStatus.REJECTED);

    private final CatalogStore store;
    private final UnitOfWork unitOfWork;
    private final ParticipantDirectory directory;
    private final ProviderLookup providers;
    private final CryptoSuite suite;
    private final IdGenerator ids;
    private final Clock clock;
    private final CatalogSettings settings;
    private final CatalogEvidence evidence;
    private final DraftChecks checks;

    Products(
            CatalogStore store,
            UnitOfWork unitOfWork,
            ParticipantDirectory directory,
            CryptoSuite suite,
            IdGenerator ids,
            Clock clock,
            CatalogSettings settings,
            CatalogEvidence evidence,
            DraftChecks checks) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.providers = new ProviderLookup(directory);
        this.suite = suite;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.evidence = evidence;
        this.checks = checks;
    }

    /** A product and the versions the caller may see. */
    public record ProductView(DataProduct product, List<ProductVersion> versions) {
        /** The newest version shown. */
        public ProductVersion current() {
            return versions.get(versions.size() - 1);
        }
    }

    /** Creates a product as a first draft version, for the caller's participant. */
    public Result<ProductView> create(ProductDraft draft, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            DraftChecks.Checked checked = checks.check(draft, provider);
            Instant now = now();
            DataProduct product = new DataProduct(ids.newId(), provider.id(), 1, null, null, now);
            ProductVersion v1 = new ProductVersion(
                            product.id(),
                            1,
                            provider.id(),
                            ListingStatus.DRAFT,
                            "",
                            "",
                            "",
                            List.of(),
                            checked.draft().type(),
                            List.of(),
                            Set.of(),
                            "",
                            checked.draft().price(),
                            false,
                            List.of(),
                            null,
                            null,
                            now,
                            now,
                            null)
                    .withContent(checked.draft(), checked.canonicalPolicy(), now);
            store.insertProduct(product);
            store.insertVersion(v1);
            record("product.created", v1, by);
            return Result.ok(new ProductView(product, List.of(v1)));
        });
    }

    /** Replaces the content of the product's draft version. */
    public Result<ProductVersion> updateDraft(String productId, ProductDraft draft, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            ProductVersion current = ownDraft(productId, provider.id(), "edit");
            DraftChecks.Checked checked = checks.check(draft, provider);
            ProductVersion updated = current.withContent(checked.draft(), checked.canonicalPolicy(), now());
            store.updateVersion(updated);
            record("product.draft-updated", updated, by);
            return Result.ok(updated);
        });
    }

    /** Attaches a review document to the product's draft version. */
    public Result<Attachment> attach(
            String productId, AttachmentKind kind, String name, String mediaType, byte[] content, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            ProductVersion draft = ownDraft(productId, provider.id(), "attach documents to");
            Checks.required(kind, "kind");
            String fileName = Checks.text(name, "name", 200);
            String type = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip();
            if (content == null || content.length == 0) {
                throw Checks.invalid("empty-attachment", "the attachment has no content");
            }
            if (content.length > settings.maxAttachmentBytes()) {
                throw new ProblemException(new Problem(
                        ProblemKind.PAYLOAD_TOO_LARGE,
                        "attachment-too-large",
                        "attachments may be at most " + settings.maxAttachmentBytes() + " bytes; this one is "
                                + content.length));
            }
            Attachment attachment = new Attachment(
                    ids.newId(),
                    productId,
                    draft.version(),
                    kind,
                    fileName,
                    type.length() > 100 ? "application/octet-stream" : type,
                    content.length,
                    HexFormat.of().formatHex(suite.hash(content)),
                    now());
            store.insertAttachment(attachment, content);
            ObjectNode payload = CatalogEvidence.payload();
            payload.put("productId", productId)
                    .put("version", draft.version())
                    .put("attachmentId", attachment.id())
                    .put("kind", kind.name())
                    .put("name", fileName)
                    .put("digest", attachment.digest())
                    .put("sizeBytes", attachment.sizeBytes());
            evidence.record(
                    "product.attachment-added",
                    by,
                    List.of("product:" + productId, "attachment:" + attachment.id()),
                    Set.of(provider.id()),
                    payload);
            return Result.ok(attachment);
        });
    }

    /** Starts a new draft version from the latest listed, suspended or rejected one: a change or correction. */
    public Result<ProductVersion> revise(String productId, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            DataProduct product = ownProduct(productId, provider.id());
            ProductVersion latest =
                    store.version(productId, product.latestVersion()).orElseThrow();
            if (!REVISABLE.contains(latest.status())) {
                throw Checks.conflict(
                        "illegal-transition",
                        "version " + latest.version() + " is " + latest.status()
                                + "; a new version can be started from LISTED, SUSPENDED or REJECTED");
            }
            Instant now = now();
            ProductVersion next = latest.nextDraft(latest.version() + 1, now);
            store.insertVersion(next);
            for (Attachment a : store.attachments(productId, latest.version())) {
                byte[] content = store.attachmentContent(a.id()).orElseThrow();
                store.insertAttachment(
                        new Attachment(
                                ids.newId(),
                                productId,
                                next.version(),
                                a.kind(),
                                a.name(),
                                a.mediaType(),
                                a.sizeBytes(),
                                a.digest(),
                                now),
                        content);
            }
            store.updateProduct(product.withLatestVersion(next.version()));
            record("product.revised", next, by);
            return Result.ok(next);
        });
    }

    /**
     * A product as {@code caller} may see it: its provider and operator staff see every version; anyone else sees the
     * listed version, if it is listed in a zone they may see (otherwise the product does not exist for them).
     */
    public Result<ProductView> view(String productId, Optional<Principal> caller, Set<String> visibleZones) {
        Optional<DataProduct> found = store.product(productId);
        if (found.isEmpty()) {
            return Result.fail(noSuchProduct(productId).problem());
        }
        DataProduct product = found.get();
        boolean insider = caller.map(p -> p.hasAny(Role.OPERATOR) || p.actsFor(product.providerId()))
                .orElse(false);
        if (insider) {
            return Result.ok(new ProductView(product, store.versions(productId)));
        }
        List<ProductVersion> shown = new java.util.ArrayList<>();
        Optional.ofNullable(product.listedVersion())
                .flatMap(v -> store.version(productId, v))
                .filter(v -> v.status() == ListingStatus.LISTED)
                .ifPresent(shown::add);
        store.version(productId, product.latestVersion())
                .filter(v -> v.status() == ListingStatus.IN_NOTICE)
                .ifPresent(shown::add);
        shown.removeIf(v -> visibleZones != null && v.zoneIds().stream().noneMatch(visibleZones::contains));
        return shown.isEmpty()
                ? Result.fail(noSuchProduct(productId).problem())
                : Result.ok(new ProductView(product, List.copyOf(shown)));
    }

    /** Versions in public notice (公示) in zones {@code visibleZones} allows ({@code null}: all), oldest notice first. */
    public List<ProductVersion> inNotice(Set<String> visibleZones) {
        return store.versionsIn(ListingStatus.IN_NOTICE, 1000).stream()
                .filter(v -> visibleZones == null || v.zoneIds().stream().anyMatch(visibleZones::contains))
                .toList();
    }

    /** Products the caller provides; every product for operator staff. */
    public List<DataProduct> visibleTo(Principal by) {
        return store.products(by.hasAny(Role.OPERATOR) ? null : by.participantId());
    }

    public List<Attachment> attachments(String productId, int version, Principal by) {
        DataProduct product = store.product(productId)
                .filter(p -> by.hasAny(Role.OPERATOR) || by.actsFor(p.providerId()))
                .orElseThrow(() -> noSuchProduct(productId));
        return store.attachments(product.id(), version);
    }

    public Result<byte[]> attachmentContent(String productId, String attachmentId, Principal by) {
        return store.product(productId)
                .filter(p -> by.hasAny(Role.OPERATOR) || by.actsFor(p.providerId()))
                .flatMap(p -> store.attachmentContent(attachmentId))
                .<Result<byte[]>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.notFound("no-such-attachment", "no attachment " + attachmentId)));
    }

    static ProblemException noSuchProduct(String productId) {
        return Checks.notFound("no-such-product", "no product " + productId + " that you may see");
    }

    private ProductVersion ownDraft(String productId, String providerId, String what) {
        DataProduct product = ownProduct(productId, providerId);
        ProductVersion latest =
                store.version(productId, product.latestVersion()).orElseThrow();
        if (!latest.status().editable()) {
            throw Checks.conflict(
                    "not-a-draft",
                    "cannot " + what + " version " + latest.version() + ": it is " + latest.status()
                            + "; only a DRAFT can change (start a new version with revise, or withdraw it first)");
        }
        return latest;
    }

    private DataProduct ownProduct(String productId, String providerId) {
        return store.product(productId)
                .filter(p -> p.providerId().equals(providerId))
                .orElseThrow(() -> noSuchProduct(productId));
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private void record(String type, ProductVersion v, Principal by) {
        evidence.record(
                type, by, List.of("product:" + v.productId()), Set.of(v.providerId()), ListingEvidence.payload(v));
    }
}
