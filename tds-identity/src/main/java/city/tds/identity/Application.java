package city.tds.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An organisation's request to join the space.
 *
 * @param adminUsername the account the applicant's administrator will log in with once approved
 * @param connectorKey the public key (base64, in the space's suite) its connector will authenticate with, if any
 */
public record Application(
        String id,
        ApplicationStatus status,
        String organizationName,
        CreditCode creditCode,
        OrganizationType organizationType,
        String industry,
        Contact contact,
        Set<ParticipantRole> requestedRoles,
        String adminUsername,
        String connectorKey,
        List<DocumentInfo> documents,
        String decisionReason,
        String participantId,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy) {

    public Application {
        requestedRoles = Set.copyOf(requestedRoles);
        documents = List.copyOf(documents);
    }

    /** Who to contact at the applicant. */
    public record Contact(String name, String phone, String email) {}

    /** A supporting document as the log knows it: its content is stored apart, its digest goes into evidence. */
    public record DocumentInfo(String id, String name, String mediaType, long size, String digest) {}
}
