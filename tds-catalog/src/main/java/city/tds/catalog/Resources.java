package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import city.tds.store.Timestamps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The resource catalog (资源目录): providers register what sources their connectors hold. */
public final class Resources {

    static final int MAX_FIELDS = 500;
    private static final Pattern FIELD_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.-]{0,99}");

    private final CatalogStore store;
    private final UnitOfWork unitOfWork;
    private final ParticipantDirectory directory;
    private final ProviderLookup providers;
    private final IdGenerator ids;
    private final Clock clock;
    private final CatalogEvidence evidence;
    private final ResourceGrader grader;

    Resources(
            CatalogStore store,
            UnitOfWork unitOfWork,
            ParticipantDirectory directory,
            IdGenerator ids,
            Clock clock,
            CatalogEvidence evidence,
            ResourceGrader grader) {
        this.store = store;
        this.grader = grader;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.providers = new ProviderLookup(directory);
        this.ids = ids;
        this.clock = clock;
        this.evidence = evidence;
    }

    /** Registers a resource for the caller's participant; its source must be on one of that participant's connectors. */
    public Result<DataResource> register(ResourceDescription description, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            ResourceDescription d = check(description, provider);
            store.resourceBySource(d.connectorId(), d.sourceId()).ifPresent(existing -> {
                throw Checks.conflict(
                        "resource-already-registered",
                        "source " + d.sourceId() + " on connector " + d.connectorId() + " is already resource "
                                + existing.id());
            });
            Instant now = Timestamps.truncate(clock.instant());
            DataResource resource = build(ids.newId(), provider.id(), 1, d, grader.suggest(d.fields()), now, now);
            store.insertResource(resource);
            record("resource.registered", resource, by);
            return Result.ok(resource);
        });
    }

    /** Changes a resource's description; the provider's own resources only. */
    public Result<DataResource> update(String resourceId, ResourceDescription description, Principal by) {
        return unitOfWork.attempt(tx -> {
            ParticipantInfo provider = providers.actingFor(by);
            DataResource current = store.resource(resourceId)
                    .filter(r -> r.providerId().equals(provider.id()))
                    .orElseThrow(() -> noSuchResource(resourceId));
            ResourceDescription d = check(description, provider);
            store.resourceBySource(d.connectorId(), d.sourceId())
                    .filter(other -> !other.id().equals(resourceId))
                    .ifPresent(other -> {
                        throw Checks.conflict(
                                "resource-already-registered",
                                "source " + d.sourceId() + " is already resource " + other.id());
                    });
            DataResource resource = build(
                    current.id(),
                    current.providerId(),
                    current.version() + 1,
                    d,
                    grader.suggest(d.fields()),
                    current.createdAt(),
                    Timestamps.truncate(clock.instant()));
            store.updateResource(resource);
            record("resource.updated", resource, by);
            return Result.ok(resource);
        });
    }

    /** A resource, if the caller is its provider or operator staff. */
    public Result<DataResource> resource(String resourceId, Principal by) {
        return store.resource(resourceId)
                .filter(r -> by.hasAny(Role.OPERATOR) || by.actsFor(r.providerId()))
                .<Result<DataResource>>map(Result::ok)
                .orElseGet(() -> Result.fail(noSuchResource(resourceId).problem()));
    }

    /** The caller's own resources; every resource for operator staff. */
    public List<DataResource> visibleTo(Principal by) {
        return store.resources(by.hasAny(Role.OPERATOR) ? null : by.participantId());
    }

    static city.tds.core.ProblemException noSuchResource(String resourceId) {
        return Checks.notFound("no-such-resource", "no resource " + resourceId + " among yours");
    }

    private ResourceDescription check(ResourceDescription d, ParticipantInfo provider) {
        Checks.required(d, "resource");
        Checks.size(d.fields(), "fields", 1, MAX_FIELDS);
        Set<String> names = new HashSet<>();
        for (ResourceField f : d.fields()) {
            String name = Checks.text(f.name(), "fields.name", 100);
            if (!FIELD_NAME.matcher(name).matches()) {
                throw Checks.invalid("invalid-field-name", "field name '" + name + "' must start with a letter or _");
            }
            if (!names.add(name)) {
                throw Checks.invalid("duplicate-field", "field '" + name + "' appears twice");
            }
            if (f.type() == null || !ResourceField.TYPES.contains(f.type())) {
                throw Checks.invalid(
                        "invalid-field-type",
                        "field '" + name + "' has type " + f.type() + "; use one of "
                                + ResourceField.TYPES.stream().sorted().toList());
            }
            Checks.optionalText(f.description(), "fields.description", 500);
        }
        String connector = Checks.text(d.connectorId(), "connectorId", 64);
        if (!provider.connectorIds().contains(connector)) {
            throw Checks.forbidden(
                    "not-your-source",
                    "connector " + connector + " is not one of " + provider.name()
                            + "'s connectors; a resource must point at a source your own connector holds");
        }
        Checks.nonNegative(d.recordCount(), "recordCount");
        Checks.nonNegative(d.sizeBytes(), "sizeBytes");
        if (d.coverageFrom() != null && d.coverageTo() != null && d.coverageTo().isBefore(d.coverageFrom())) {
            throw Checks.invalid(
                    "invalid-coverage", "coverageTo " + d.coverageTo() + " is before coverageFrom " + d.coverageFrom());
        }
        return new ResourceDescription(
                Checks.text(d.title(), "title", 200),
                d.description() == null || d.description().isBlank()
                        ? ""
                        : Checks.text(d.description(), "description", 4000),
                d.fields().stream()
                        .map(f -> new ResourceField(
                                f.name().strip(),
                                f.type(),
                                f.description() == null ? "" : f.description().strip()))
                        .toList(),
                Checks.required(d.sourceKind(), "sourceKind"),
                connector,
                Checks.text(d.sourceId(), "sourceId", 200),
                Checks.text(d.department(), "department", 200),
                Checks.required(d.updateFrequency(), "updateFrequency"),
                d.recordCount(),
                d.sizeBytes(),
                d.coverageFrom(),
                d.coverageTo(),
                Checks.optionalText(d.classification(), "classification", 200),
                d.grade(),
                checkLevel(d.grade(), d.gradeLevel()));
    }

    /** The provider's level; for general data given without one, the level governance proposed for general data. */
    private static Integer levelOf(ResourceDescription d, ResourceGrader.GradeSuggestion proposal) {
        if (d.gradeLevel() != null || d.grade() != DataGrade.GENERAL || proposal == null) {
            return d.gradeLevel();
        }
        return proposal.grade() == DataGrade.GENERAL ? proposal.level() : null;
    }

    private static Integer checkLevel(DataGrade grade, Integer level) {
        if (level == null) {
            return null;
        }
        if (grade != DataGrade.GENERAL) {
            throw Checks.invalid(
                    "invalid-grade-level",
                    "gradeLevel " + level + " is only for grade GENERAL (一般数据), not "
                            + (grade == null ? "no grade" : grade));
        }
        if (level < 1 || level > 4) {
            throw Checks.invalid("invalid-grade-level", "gradeLevel is 1 to 4 (一般数据1级–4级), not " + level);
        }
        return level;
    }

    private static DataResource build(
            String id,
            String providerId,
            int version,
            ResourceDescription d,
            ResourceGrader.GradeSuggestion proposal,
            Instant created,
            Instant updated) {
        boolean proposed = d.grade() == null && proposal != null;
        return new DataResource(
                id,
                providerId,
                version,
                d.title(),
                d.description(),
                d.fields(),
                d.sourceKind(),
                d.connectorId(),
                d.sourceId(),
                d.department(),
                d.updateFrequency(),
                d.recordCount(),
                d.sizeBytes(),
                d.coverageFrom(),
                d.coverageTo(),
                d.classification() == null
                                && proposal != null
                                && !proposal.classification().isEmpty()
                        ? proposal.classification()
                        : d.classification(),
                proposed ? proposal.grade() : d.grade(),
                proposed ? proposal.level() : levelOf(d, proposal),
                proposal,
                created,
                updated);
    }

    private void record(String type, DataResource r, Principal by) {
        ObjectNode payload = CatalogEvidence.payload();
        payload.put("resourceId", r.id())
                .put("version", r.version())
                .put("providerId", r.providerId())
                .put("title", r.title())
                .put("sourceKind", r.sourceKind().name())
                .put("connectorId", r.connectorId())
                .put("sourceId", r.sourceId())
                .put("classification", r.classification())
                .put("grade", r.grade() == null ? null : r.grade().name())
                .put("gradeLabel", r.gradeLabel());
        evidence.record(type, by, List.of("resource:" + r.id()), Set.of(r.providerId()), payload);
    }
}
