package city.tds.identity;

import java.util.List;
import java.util.Set;

/**
 * What an organisation submits to apply (and resubmits after a request for more information).
 *
 * @param adminPassword the initial password of its administrator account
 * @param connectorKey the public key its connector will sign client assertions with (base64), optional
 * @param documents supporting documents (licence, authorisation letter, ...)
 */
public record ApplicationForm(
        String organizationName,
        String creditCode,
        OrganizationType organizationType,
        String industry,
        Application.Contact contact,
        Set<ParticipantRole> roles,
        String adminUsername,
        String adminPassword,
        String connectorKey,
        List<Document> documents) {

    public ApplicationForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A supporting document's content. */
    public record Document(String name, String mediaType, byte[] content) {}
}
