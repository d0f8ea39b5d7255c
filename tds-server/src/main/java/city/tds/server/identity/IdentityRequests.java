package city.tds.server.identity;

import city.tds.core.identity.Role;
import city.tds.identity.ApplicationStatus;
import city.tds.identity.OrganizationType;
import city.tds.identity.ParticipantRole;
import java.util.List;
import java.util.Set;

/** The JSON bodies the identity API accepts. Unknown fields and unknown enum values are refused with a 400. */
final class IdentityRequests {

    private IdentityRequests() {}

    record Contact(String name, String phone, String email) {}

    record Document(String name, String mediaType, String contentBase64) {}

    record Apply(
            String organizationName,
            String creditCode,
            OrganizationType organizationType,
            String industry,
            Contact contact,
            Set<ParticipantRole> roles,
            String adminUsername,
            String adminPassword,
            String connectorKey,
            List<Document> documents) {}

    record Decide(ApplicationStatus.Decision decision, String reason, Set<ParticipantRole> roles) {}

    record Login(String username, String password) {}

    record Refresh(String refreshToken) {}

    record CreateUser(String username, String password, Set<Role> roles) {}

    record ChangePassword(String currentPassword, String newPassword) {}

    record Reason(String reason) {}

    record Issuer(String issuerId, String name, String suite, String publicKey) {}

    record Client(String publicKey) {}

    record Presented(String credential) {}
}
