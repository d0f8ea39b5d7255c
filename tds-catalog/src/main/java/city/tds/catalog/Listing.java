package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.Transaction;
import city.tds.core.tx.UnitOfWork;
import city.tds.store.Timestamps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listing workflow (上架): submit → compliance review → public notice with objections → listed with a registration
 * code → suspended or delisted. Every step is evidence, recorded in the transaction that takes it; a step the workflow
 * does not allow from the version's status is refused with the steps it does allow.
 */
public final class Listing {

    private static final int BATCH = 200;

    private final CatalogStore store;
    private final UnitOfWork unitOfWork;
    private final ParticipantDirectory directory;
    private final ProviderLookup providers;
    private final IdGenerator ids;
    private final Clock clock;
    private final CatalogSettings settings;
    private final CatalogEvidence evidence;
    private final DraftChecks checks;
    private final ListingListener listener;

    Listing(
            CatalogStore store,
            UnitOfWork unitOfWork,
            ParticipantDirectory directory,
            IdGenerator ids,
            Clock clock,
            CatalogSettings settings,
            CatalogEvidence evidence,
            DraftChecks checks,
            ListingListener listener) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.providers = new ProviderLookup(directory);
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.evidence = evidence;
        this.checks = checks;
        this.listener = listener;
    }

    /** The provider submits its draft for compliance review. */
    public Result<ProductVersion> submit(String productId, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            ProductVersion draft = latest(ownProduct(productId, provider.id()));
            require(ListingAction.SUBMIT, draft);
            checks.check(draft.draft(), provider);
            return Result.ok(move(draft, ListingAction.SUBMIT, null, by));
        });
    }

    /** The provider takes a submitted version back to draft before it is reviewed. */
    public Result<ProductVersion> withdraw(String productId, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            ProductVersion submitted = latest(ownProduct(productId, provider.id()));
            require(ListingAction.WITHDRAW, submitted);
            return Result.ok(move(submitted, ListingAction.WITHDRAW, null, by));
        });
    }

    /**
     * A listing reviewer decides on a submitted version. Approval runs the compliance checks (both assessments attached,
     * every resource classified and graded and none of it core data, the policy in the subset, the price within any
     * cap, the zones still admitting the provider) and starts the public notice; it is refused, naming every failed
     * check, if any fails.
     */
    public Result<ProductVersion> review(String productId, ReviewDecision decision, String reason, Principal by) {
        return unitOfWork.attempt(tx -> {
            requireReviewer(by);
            Checks.required(decision, "decision");
            ProductVersion submitted =
                    latest(store.product(productId).orElseThrow(() -> Products.noSuchProduct(productId)));
            ListingAction action =
                    switch (decision) {
                        case APPROVE -> ListingAction.APPROVE;
                        case RETURN -> ListingAction.RETURN;
                        case REJECT -> ListingAction.REJECT;
                    };
            require(action, submitted);
            if (decision != ReviewDecision.APPROVE) {
                String why = Checks.text(reason, "reason", 2000);
                return Result.ok(move(submitted, action, why, by));
            }
            List<String> failures = complianceFailures(submitted);
            if (!failures.isEmpty()) {
                throw Checks.conflict(
                        "compliance-check-failed",
                        "version " + submitted.version() + " cannot be approved: " + String.join("; ", failures));
            }
            Instant ends = now().plus(settings.noticePeriod());
            return Result.ok(
                    move(submitted.withNoticeEndingAt(ends), action, Checks.optionalText(reason, "reason", 2000), by));
        });
    }

    /** Any participant other than the provider objects to a version during its public notice. */
    public Result<Objection> object(String productId, String reason, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo objector = providers.actingFor(by);
            DataProduct product = store.product(productId).orElseThrow(() -> Products.noSuchProduct(productId));
            ProductVersion inNotice = latest(product);
            if (inNotice.status() != ListingStatus.IN_NOTICE || !now().isBefore(inNotice.noticeEndsAt())) {
                throw Checks.conflict(
                        "not-in-notice",
                        "version " + inNotice.version() + " is " + inNotice.status()
                                + (inNotice.status() == ListingStatus.IN_NOTICE ? " but its notice has ended" : "")
                                + "; objections are taken only during the public notice");
            }
            if (objector.id().equals(product.providerId())) {
                throw Checks.forbidden("own-product", "a provider cannot object to its own product");
            }
            Objection objection = new Objection(
                    ids.newId(),
                    productId,
                    inNotice.version(),
                    objector.id(),
                    Checks.text(reason, "reason", 4000),
                    Objection.Status.OPEN,
                    now(),
                    null,
                    null,
                    null);
            store.insertObjection(objection);
            ObjectNode payload = CatalogEvidence.payload();
            payload.put("objectionId", objection.id())
                    .put("productId", productId)
                    .put("version", objection.version())
                    .put("reason", objection.reason());
            evidence.record(
                    "product.objection-raised",
                    by,
                    List.of("product:" + productId, "objection:" + objection.id()),
                    Set.of(objector.id(), product.providerId()),
                    payload);
            return Result.ok(objection);
        });
    }

    /** A listing reviewer upholds an objection (the version is rejected) or dismisses it. */
    public Result<Objection> resolveObjection(
            String productId, String objectionId, boolean uphold, String reason, Principal by) {
        return unitOfWork.attempt(tx -> {
            requireReviewer(by);
            Objection objection = store.objection(objectionId)
                    .filter(o -> o.productId().equals(productId))
                    .orElseThrow(() -> Checks.notFound("no-such-objection", "no objection " + objectionId));
            if (objection.status() != Objection.Status.OPEN) {
                throw Checks.conflict(
                        "objection-resolved", "objection " + objectionId + " is already " + objection.status());
            }
            String why = Checks.text(reason, "reason", 4000);
            Objection resolved = objection.resolved(
                    uphold ? Objection.Status.UPHELD : Objection.Status.DISMISSED, why, by.subject(), now());
            store.updateObjection(resolved);
            ProductVersion version =
                    store.version(productId, objection.version()).orElseThrow();
            ObjectNode payload = CatalogEvidence.payload();
            payload.put("objectionId", objectionId)
                    .put("productId", productId)
                    .put("version", objection.version())
                    .put("outcome", resolved.status().name())
                    .put("reason", why);
            evidence.record(
                    "product.objection-resolved",
                    by,
                    List.of("product:" + productId, "objection:" + objectionId),
                    Set.of(objection.participantId(), version.providerId()),
                    payload);
            if (uphold && version.status() == ListingStatus.IN_NOTICE) {
                move(version, ListingAction.UPHOLD_OBJECTION, why, by);
            }
            return Result.ok(resolved);
        });
    }

    /**
     * Lists every version whose public notice has ended without an open objection, issuing registration codes; run by
     * a scheduler and available to listing reviewers. Versions with open objections wait for their resolution.
     *
     * @param by the reviewer, or {@code null} for the scheduler
     */
    public List<ProductVersion> concludeNotices(Principal by) {
        if (by != null) {
            requireReviewer(by);
        }
        List<ProductVersion> listed = new ArrayList<>();
        List<ProductVersion> due = store.noticesEndedBy(now(), BATCH);
        if (!due.isEmpty()) {
            int year = registrationYear();
            try {
                unitOfWork.run(tx -> store.ensureRegistrationYear(year));
            } catch (RuntimeException raced) {
                // another transaction created the year's counter at the same moment; it exists now
            }
        }
        for (ProductVersion version : due) {
            Result<ProductVersion> one = unitOfWork.attempt(tx -> conclude(version, by, tx));
            if (one.isOk() && one.value() != null) {
                listed.add(one.value());
            }
        }
        return listed;
    }

    private Result<ProductVersion> conclude(ProductVersion due, Principal by, Transaction tx) {
        ProductVersion current = store.version(due.productId(), due.version()).orElseThrow();
        if (current.status() != ListingStatus.IN_NOTICE
                || store.objections(current.productId(), current.version()).stream()
                        .anyMatch(o -> o.status() == Objection.Status.OPEN)) {
            return Result.ok(null);
        }
        // claim the version first: of concurrent conclusions (a reviewer and the scheduler) only one gets past this
        ProductVersion listed = claim(current, ListingAction.CONCLUDE_NOTICE, null);
        DataProduct product = store.product(current.productId()).orElseThrow();
        RegistrationCode code = product.registrationCode();
        if (code == null) {
            int year = registrationYear();
            code = RegistrationCode.issue(settings.spaceCode(), year, store.nextRegistrationSerial(year));
        }
        if (product.listedVersion() != null) {
            store.version(product.id(), product.listedVersion())
                    .filter(old -> ListingAction.SUPERSEDE.allowedFrom(old.status()))
                    .ifPresent(old ->
                            move(old, ListingAction.SUPERSEDE, "superseded by version " + current.version(), by));
        }
        store.updateProduct(product.withListed(current.version(), code));
        recordMove(current, listed, ListingAction.CONCLUDE_NOTICE, by, code);
        return Result.ok(listed);
    }

    /** Registration codes carry the year of listing in China Standard Time. */
    private int registrationYear() {
        return now().atOffset(ZoneOffset.ofHours(8)).getYear();
    }

    /** A listing reviewer suspends a listed product, taking it out of search until reinstated. */
    public Result<ProductVersion> suspend(String productId, String reason, Principal by) {
        return operatorStep(productId, ListingAction.SUSPEND, reason, by);
    }

    public Result<ProductVersion> reinstate(String productId, String reason, Principal by) {
        return operatorStep(productId, ListingAction.REINSTATE, reason, by);
    }

    /** The provider's administrator or a listing reviewer delists a product for good. */
    public Result<ProductVersion> delist(String productId, String reason, Principal by) {
        return unitOfWork.attempt(tx -> {
            DataProduct product = store.product(productId).orElseThrow(() -> Products.noSuchProduct(productId));
            boolean providerAdmin = by.has(Role.PARTICIPANT_ADMIN) && by.actsFor(product.providerId());
            if (!providerAdmin && !by.has(Role.LISTING_REVIEWER)) {
                throw Products.noSuchProduct(productId);
            }
            return Result.ok(move(
                    listedVersion(product, ListingAction.DELIST),
                    ListingAction.DELIST,
                    Checks.text(reason, "reason", 2000),
                    by));
        });
    }

    private Result<ProductVersion> operatorStep(String productId, ListingAction action, String reason, Principal by) {
        return unitOfWork.attempt(tx -> {
            requireReviewer(by);
            DataProduct product = store.product(productId).orElseThrow(() -> Products.noSuchProduct(productId));
            return Result.ok(move(listedVersion(product, action), action, Checks.text(reason, "reason", 2000), by));
        });
    }

    private ProductVersion listedVersion(DataProduct product, ListingAction action) {
        if (product.listedVersion() == null) {
            ProductVersion latest = latest(product);
            require(action, latest);
            return latest;
        }
        ProductVersion listed =
                store.version(product.id(), product.listedVersion()).orElseThrow();
        require(action, listed);
        return listed;
    }

    private List<String> complianceFailures(ProductVersion v) {
        List<String> failures = new ArrayList<>();
        Set<AttachmentKind> attached = store.attachments(v.productId(), v.version()).stream()
                .map(Attachment::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AttachmentKind.class)));
        for (AttachmentKind required :
                List.of(AttachmentKind.COMPLIANCE_ASSESSMENT, AttachmentKind.QUALITY_ASSESSMENT)) {
            if (!attached.contains(required)) {
                failures.add("no " + required.label() + " (" + required.name() + ") attached");
            }
        }
        for (String resourceId : v.resourceIds()) {
            DataResource r = store.resource(resourceId).orElse(null);
            if (r == null) {
                failures.add("resource " + resourceId + " no longer exists");
                continue;
            }
            if (r.classification() == null) {
                failures.add("resource " + r.title() + " has no classification (数据分类)");
            }
            if (r.grade() == null) {
                failures.add("resource " + r.title() + " has no grade (数据分级)");
            } else if (r.grade() == DataGrade.CORE) {
                failures.add("resource " + r.title() + " is core data (核心数据), which is never listed");
            } else if (r.gradeProposal() != null
                    && DataGrade.below(
                            r.grade(),
                            r.gradeLevel(),
                            r.gradeProposal().grade(),
                            r.gradeProposal().level())) {
                failures.add("resource " + r.title() + " is graded " + r.gradeLabel() + ", below governance's proposal "
                        + DataGrade.label(
                                r.gradeProposal().grade(), r.gradeProposal().level()) + " ("
                        + String.join("; ", r.gradeProposal().basis()) + "); raise the grade or correct the fields");
            }
        }
        ParticipantInfo provider = directory.participant(v.providerId()).orElse(null);
        if (provider == null || !provider.active()) {
            failures.add("provider " + v.providerId() + " is not an active participant");
        } else {
            try {
                checks.check(v.draft(), provider);
            } catch (ProblemException e) {
                failures.add(e.problem().detail());
            }
        }
        return failures;
    }

    private ProductVersion move(ProductVersion from, ListingAction action, String reason, Principal by) {
        return move(from, action, reason, by, null);
    }

    private ProductVersion move(
            ProductVersion from, ListingAction action, String reason, Principal by, RegistrationCode code) {
        ProductVersion to = claim(from, action, reason);
        recordMove(from, to, action, by, code);
        return to;
    }

    /** Writes the step, if the version is still where {@code from} says; another transaction may have moved it. */
    private ProductVersion claim(ProductVersion from, ListingAction action, String reason) {
        require(action, from);
        ProductVersion to = from.withStatus(action.to(), reason, now());
        if (!store.updateVersionIfStatus(to, from.status())) {
            throw Checks.conflict(
                    "changed-concurrently",
                    "version " + from.version() + " of product " + from.productId()
                            + " was changed by someone else meanwhile; read it again");
        }
        return to;
    }

    private void recordMove(
            ProductVersion from, ProductVersion to, ListingAction action, Principal by, RegistrationCode code) {
        ObjectNode payload = ListingEvidence.payload(to);
        payload.put("action", action.slug()).put("from", from.status().name());
        if (code != null) {
            payload.put("registrationCode", code.toString());
        }
        evidence.record(
                action.evidenceType(), by, List.of("product:" + to.productId()), Set.of(to.providerId()), payload);
        boolean wasSearchable = from.status().searchable();
        boolean isSearchable = to.status().searchable();
        if (wasSearchable != isSearchable || isSearchable) {
            store.bumpListingRevision();
            String productId = to.productId();
            unitOfWork.current().orElseThrow().afterCommit(() -> {
                if (isSearchable) {
                    listener.listed(productId);
                } else if (action != ListingAction.SUPERSEDE) {
                    listener.unlisted(productId);
                }
            });
        }
    }

    private static void require(ListingAction action, ProductVersion v) {
        if (!action.allowedFrom(v.status())) {
            List<String> allowed = ListingAction.allowedFromStatus(v.status()).stream()
                    .map(ListingAction::slug)
                    .toList();
            throw new ProblemException(Problem.conflict(
                    "illegal-transition",
                    "cannot " + action.slug() + " version " + v.version() + " of product " + v.productId()
                            + ": it is " + v.status() + " (" + v.status().label() + "); allowed from here: "
                            + (allowed.isEmpty() ? "nothing (final)" : String.join(", ", allowed))));
        }
    }

    private static void requireReviewer(Principal by) {
        if (!by.has(Role.LISTING_REVIEWER)) {
            throw Checks.forbidden("listing-reviewers-only", "only a listing reviewer (上架审核员) may do this");
        }
    }

    private ProductVersion latest(DataProduct product) {
        return store.version(product.id(), product.latestVersion()).orElseThrow();
    }

    private DataProduct ownProduct(String productId, String providerId) {
        return store.product(productId)
                .filter(p -> p.providerId().equals(providerId))
                .orElseThrow(() -> Products.noSuchProduct(productId));
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
