package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The operator's zones (专区), and what each caller may see of them. */
public final class Zones {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final CatalogStore store;
    private final UnitOfWork unitOfWork;
    private final ParticipantDirectory directory;
    private final IdGenerator ids;
    private final Clock clock;
    private final CatalogEvidence evidence;

    Zones(
            CatalogStore store,
            UnitOfWork unitOfWork,
            ParticipantDirectory directory,
            IdGenerator ids,
            Clock clock,
            CatalogEvidence evidence) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
        this.evidence = evidence;
    }

    public Result<Zone> create(ZoneSpec spec, Principal by) {
        return unitOfWork.attempt(tx -> {
            ZoneSpec checked = check(spec);
            if (store.zoneByCode(checked.code()).isPresent()) {
                throw Checks.conflict("zone-code-taken", "a zone with code '" + checked.code() + "' exists");
            }
            var now = now();
            Zone zone = new Zone(
                    ids.newId(),
                    checked.code(),
                    checked.name(),
                    checked.description(),
                    checked.leadParticipantId(),
                    checked.listingRule(),
                    checked.visibility(),
                    checked.viewerRule(),
                    now,
                    now);
            store.insertZone(zone);
            record("zone.created", zone, by);
            return Result.ok(zone);
        });
    }

    public Result<Zone> update(String zoneId, ZoneSpec spec, Principal by) {
        return unitOfWork.attempt(tx -> {
            Zone current = store.zone(zoneId).orElseThrow(() -> noSuchZone(zoneId));
            ZoneSpec checked = check(spec);
            if (!checked.code().equals(current.code())) {
                throw Checks.invalid("zone-code-fixed", "a zone's code cannot change (it is " + current.code() + ")");
            }
            Zone zone = new Zone(
                    current.id(),
                    current.code(),
                    checked.name(),
                    checked.description(),
                    checked.leadParticipantId(),
                    checked.listingRule(),
                    checked.visibility(),
                    checked.viewerRule(),
                    current.createdAt(),
                    now());
            store.updateZone(zone);
            record("zone.updated", zone, by);
            return Result.ok(zone);
        });
    }

    /** The zones {@code caller} may see; every zone for operator staff, public zones for anonymous callers. */
    public List<Zone> visibleTo(Optional<Principal> caller) {
        Set<String> visible = visibleZoneIds(caller);
        return store.zones().stream()
                .filter(z -> visible == null || visible.contains(z.id()))
                .toList();
    }

    /** One zone, if {@code caller} may see it. */
    public Result<Zone> zone(String zoneId, Optional<Principal> caller) {
        Set<String> visible = visibleZoneIds(caller);
        return store.zone(zoneId)
                .filter(z -> visible == null || visible.contains(z.id()))
                .<Result<Zone>>map(Result::ok)
                .orElseGet(() -> Result.fail(noSuchZone(zoneId).problem()));
    }

    /**
     * The ids of the zones {@code caller} may see, or {@code null} when it may see every zone (operator staff). An
     * invisible zone is reported as not existing.
     */
    public Set<String> visibleZoneIds(Optional<Principal> caller) {
        if (caller.isPresent() && caller.get().hasAny(Role.OPERATOR)) {
            return null;
        }
        ParticipantInfo participant = caller.map(Principal::participantId)
                .flatMap(directory::participant)
                .filter(ParticipantInfo::active)
                .orElse(null);
        return store.zones().stream()
                .filter(z -> z.visibleTo(participant))
                .map(Zone::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    static city.tds.core.ProblemException noSuchZone(String zoneId) {
        return Checks.notFound("no-such-zone", "no zone " + zoneId + " that you may see");
    }

    private java.time.Instant now() {
        return city.tds.store.Timestamps.truncate(clock.instant());
    }

    private ZoneSpec check(ZoneSpec spec) {
        Checks.required(spec, "zone");
        String code = Checks.text(spec.code(), "code", 40);
        if (!CODE.matcher(code).matches()) {
            throw Checks.invalid(
                    "invalid-code",
                    "code must be a lower-case slug of 2 to 40 letters, digits and '-' (got " + code + ")");
        }
        String lead = Checks.text(spec.leadParticipantId(), "leadParticipantId", 36);
        if (directory.participant(lead).filter(ParticipantInfo::active).isEmpty()) {
            throw Checks.invalid("unknown-participant", "lead organisation " + lead + " is not an active participant");
        }
        ZoneRule listing = spec.listingRule() == null ? ZoneRule.EVERY_PARTICIPANT : spec.listingRule();
        ZoneRule viewers = spec.viewerRule() == null ? ZoneRule.EVERY_PARTICIPANT : spec.viewerRule();
        for (ZoneRule rule : List.of(listing, viewers)) {
            Checks.size(rule.participantIds(), "participantIds", 0, 1000);
            Checks.size(rule.industries(), "industries", 0, 100);
            for (String id : rule.participantIds()) {
                if (directory.participant(id).isEmpty()) {
                    throw Checks.invalid("unknown-participant", "zone rule names unknown participant " + id);
                }
            }
        }
        return new ZoneSpec(
                code,
                Checks.text(spec.name(), "name", 200),
                spec.description() == null || spec.description().isBlank()
                        ? ""
                        : Checks.text(spec.description(), "description", 4000),
                lead,
                listing,
                Checks.required(spec.visibility(), "visibility"),
                viewers);
    }

    private void record(String type, Zone zone, Principal by) {
        ObjectNode payload = CatalogEvidence.payload();
        payload.put("zoneId", zone.id())
                .put("code", zone.code())
                .put("name", zone.name())
                .put("leadParticipantId", zone.leadParticipantId())
                .put("visibility", zone.visibility().name());
        payload.putPOJO("listingRule", zone.listingRule());
        payload.putPOJO("viewerRule", zone.viewerRule());
        evidence.record(type, by, List.of("zone:" + zone.id()), Set.of(zone.leadParticipantId()), payload);
    }
}
