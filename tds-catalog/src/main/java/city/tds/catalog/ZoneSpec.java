package city.tds.catalog;

/** What the operator says about a zone when creating or changing it. */
public record ZoneSpec(
        String code,
        String name,
        String description,
        String leadParticipantId,
        ZoneRule listingRule,
        ZoneVisibility visibility,
        ZoneRule viewerRule) {}
