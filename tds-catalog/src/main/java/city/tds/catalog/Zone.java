package city.tds.catalog;

import java.time.Instant;

/**
 * A zone (专区) of the catalog, such as 金融服务 or 医疗健康: run with a lead organisation, it decides who may list
 * products into it and who may see them.
 *
 * @param code a short, stable slug such as {@code finance}
 * @param leadParticipantId the lead organisation (牵头单位), which may always list into and see the zone
 * @param listingRule who may list products into the zone
 * @param viewerRule who may see a {@link ZoneVisibility#RESTRICTED} zone besides its lead; a rule that names nobody
 *     leaves the zone to its lead alone
 */
public record Zone(
        String id,
        String code,
        String name,
        String description,
        String leadParticipantId,
        ZoneRule listingRule,
        ZoneVisibility visibility,
        ZoneRule viewerRule,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether {@code participant} may list products into this zone. */
    public boolean admitsListingBy(ParticipantDirectory.ParticipantInfo participant) {
        return participant.id().equals(leadParticipantId) || listingRule.admits(participant);
    }

    /** Whether {@code participant} may see this zone; {@code null} is an anonymous caller. */
    public boolean visibleTo(ParticipantDirectory.ParticipantInfo participant) {
        return switch (visibility) {
            case PUBLIC -> true;
            case PARTICIPANTS -> participant != null;
            case RESTRICTED ->
                participant != null
                        && (participant.id().equals(leadParticipantId)
                                || (!viewerRule.admitsEveryone() && viewerRule.admits(participant)));
        };
    }
}
