package city.tds.server.identity;

import city.tds.identity.Application;
import city.tds.identity.ClientKey;
import city.tds.identity.IssuedCredential;
import city.tds.identity.Participant;
import city.tds.identity.UserAccount;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the identity API returns: never a password hash, a token hash or a document's content inline. */
final class IdentityViews {

    private IdentityViews() {}

    static Map<String, Object> application(Application a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("status", a.status());
        v.put("organizationName", a.organizationName());
        v.put("creditCode", a.creditCode().value());
        v.put("organizationType", a.organizationType());
        v.put("industry", a.industry());
        v.put("contact", a.contact());
        v.put("roles", a.requestedRoles().stream().map(Enum::name).sorted().toList());
        v.put("adminUsername", a.adminUsername());
        v.put("connectorKey", a.connectorKey());
        v.put("documents", a.documents());
        v.put("decisionReason", a.decisionReason());
        v.put("participantId", a.participantId());
        v.put("submittedAt", a.submittedAt());
        v.put("decidedAt", a.decidedAt());
        return v;
    }

    static Map<String, Object> participant(Participant p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("name", p.name());
        v.put("creditCode", p.creditCode().value());
        v.put("organizationType", p.organizationType());
        v.put("industry", p.industry());
        v.put("roles", p.roles().stream().map(Enum::name).sorted().toList());
        v.put("status", p.status());
        v.put("statusReason", p.statusReason());
        v.put("joinedAt", p.joinedAt());
        return v;
    }

    static Map<String, Object> user(UserAccount u) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", u.id());
        v.put("username", u.username());
        v.put("participantId", u.participantId());
        v.put("roles", u.roles().stream().map(Enum::name).sorted().toList());
        v.put("locked", u.locked());
        v.put("createdAt", u.createdAt());
        return v;
    }

    static Map<String, Object> credential(IssuedCredential c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("participantId", c.participantId());
        v.put("statusListIndex", c.statusIndex());
        v.put("issuedAt", c.issuedAt());
        v.put("expiresAt", c.expiresAt());
        v.put("revoked", c.revoked());
        v.put("revokedAt", c.revokedAt());
        v.put("revocationReason", c.revocationReason());
        v.put("jwt", c.jwt());
        return v;
    }

    static Map<String, Object> client(ClientKey c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("clientId", c.clientId());
        v.put("participantId", c.participantId());
        v.put("publicKey", c.publicKey());
        v.put("registeredAt", c.registeredAt());
        return v;
    }
}
