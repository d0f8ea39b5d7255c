package city.tds.server.testkit;

import city.tds.core.identity.Role;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.server.identity.InitialAdministrator;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Staff and participants of a running space node, made through its API as real users would: operator accounts by the
 * system administrator, an organisation onboarded by the reviewer, its member and its connector.
 */
public final class SpaceFixture {

    public static final String PASSWORD = "fixture-password-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ORGANISATIONS = new AtomicInteger();

    private final TdsNode node;
    private final SpaceClient client;
    private final CryptoSuite suite;
    private final String sysadmin;
    private String reviewer;

    public SpaceFixture(TdsNode node) {
        this.node = node;
        this.client = new SpaceClient(node.url());
        this.suite = CryptoSuites.create(node.config().node().cryptoSuite(), new SecureRandom());
        try {
            String initial = Files.readString(
                            node.config().node().dataDir().resolve("keys").resolve(InitialAdministrator.FILE))
                    .strip();
            this.sysadmin = client.login("sysadmin", initial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SpaceClient client() {
        return client;
    }

    public String sysadminToken() {
        return sysadmin;
    }

    /** Creates an operator account with one role and logs it in. */
    public String staff(Role role, String username) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
        body.putArray("roles").add(role.name());
        client.post("/api/v1/users", sysadmin, body).expect(201);
        return client.login(username, PASSWORD);
    }

    public String reviewer() {
        if (reviewer == null) {
            reviewer = staff(Role.ONBOARDING_REVIEWER, "fixture-reviewer");
        }
        return reviewer;
    }

    /** An organisation that applied and was approved, with its administrator's token and its connector key. */
    public record Organisation(String participantId, String adminToken, SigningKeyPair connectorKey, String clientId) {}

    public Organisation onboard(String name) {
        int n = ORGANISATIONS.incrementAndGet();
        SigningKeyPair connector = suite.generateSigningKeyPair();
        String admin = "org" + n + "-admin-" + Long.toHexString(System.nanoTime());
        JsonNode applied = client.post("/api/v1/onboarding/applications", null, application(name, n, admin, connector))
                .expect(201);
        JsonNode approved = client.post(
                        "/api/v1/onboarding/applications/" + applied.path("id").asText() + "/decision",
                        reviewer(),
                        JSON.createObjectNode().put("decision", "APPROVE"))
                .expect(200);
        String participantId = approved.path("participantId").asText();
        String adminToken = client.login(admin, PASSWORD);
        String clientId = client.get("/api/v1/participants/" + participantId + "/clients", adminToken)
                .expect(200)
                .get(0)
                .path("clientId")
                .asText();
        return new Organisation(participantId, adminToken, connector, clientId);
    }

    public ObjectNode application(String name, int n, String admin, SigningKeyPair connector) {
        String first17 = String.format("91310000MA1%06d", n % 1_000_000);
        ObjectNode body = JSON.createObjectNode()
                .put("organizationName", name)
                .put("creditCode", first17 + city.tds.identity.CreditCode.checkCharacter(first17))
                .put("organizationType", "ENTERPRISE")
                .put("industry", "金融")
                .put("adminUsername", admin)
                .put("adminPassword", PASSWORD)
                .put("connectorKey", connector.publicKey().toBase64());
        body.putObject("contact")
                .put("name", "联系人")
                .put("phone", "021-12345678")
                .put("email", "c@org.example.cn");
        body.putArray("roles").add("CONSUMER").add("PROVIDER");
        body.putArray("documents")
                .addObject()
                .put("name", "营业执照.pdf")
                .put("mediaType", "application/pdf")
                .put("contentBase64", "JVBERi0xLjcgbGljZW5jZQ==");
        return body;
    }

    public String connectorToken(Organisation organisation) {
        return client.connectorToken(suite, organisation.connectorKey(), organisation.clientId(), Clock.systemUTC());
    }

    /** A token holding exactly {@code role}, made the way a user of that role gets one. */
    public String tokenFor(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> sysadmin;
            case ONBOARDING_REVIEWER -> reviewer();
            case SECURITY_ADMIN, AUDIT_ADMIN, LISTING_REVIEWER ->
                staff(role, "fixture-" + role.name().toLowerCase().replace('_', '-'));
            case PARTICIPANT_ADMIN -> onboard("矩阵测试企业 A").adminToken();
            case PARTICIPANT_MEMBER -> {
                Organisation org = onboard("矩阵测试企业 B");
                ObjectNode body = JSON.createObjectNode()
                        .put("username", "member-" + Long.toHexString(System.nanoTime()))
                        .put("password", PASSWORD);
                body.putArray("roles").add("PARTICIPANT_MEMBER");
                JsonNode user =
                        client.post("/api/v1/users", org.adminToken(), body).expect(201);
                yield client.login(user.path("username").asText(), PASSWORD);
            }
            case CONNECTOR -> connectorToken(onboard("矩阵测试企业 C"));
        };
    }
}
