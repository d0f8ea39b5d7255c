package city.tds.server.demo;

import city.tds.core.identity.Role;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.identity.CreditCode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Onboards the demo's three organisations through the space's API, as they would do it themselves: the system
 * administrator creates the onboarding reviewer, each organisation applies (with its connector's key), the reviewer
 * approves, and each connector gets an access token with a client assertion signed by its own node key.
 */
public final class DemoOnboarding {

    /** The password of every demo account; for local trial only. */
    public static final String PASSWORD = "tds-demo-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOnboarding() {}

    /** What onboarding gave one connector's organisation. */
    public record Onboarded(
            DemoParticipant participant,
            String participantId,
            String adminUsername,
            String credentialId,
            int statusIndex,
            String clientId) {}

    /** Runs the flow; {@code progress} receives one line per step. */
    public static List<Onboarded> run(Demo demo, Consumer<String> progress) {
        TdsNode space = demo.nodes().get(0).node();
        SpaceClient client = new SpaceClient(space.url());
        String sysadmin = client.login("sysadmin", initialPassword(space));
        ObjectNode reviewer =
                JSON.createObjectNode().put("username", "demo-reviewer").put("password", PASSWORD);
        reviewer.putArray("roles").add(Role.ONBOARDING_REVIEWER.name());
        if (client.post("/api/v1/users", sysadmin, reviewer).status() == 201) {
            progress.accept("运营方创建入驻审核员 / the operator created the onboarding reviewer demo-reviewer");
        }
        String review = client.login("demo-reviewer", PASSWORD);

        List<Onboarded> result = new ArrayList<>();
        int n = 0;
        for (Demo.Running running : demo.nodes().subList(1, demo.nodes().size())) {
            n++;
            DemoParticipant who = running.participant();
            String admin = who.nodeName() + "-admin";
            JsonNode existing = findParticipant(client, review, who);
            String participantId;
            if (existing != null) {
                participantId = existing.path("id").asText();
            } else {
                JsonNode applied = client.post(
                                "/api/v1/onboarding/applications", null, application(who, admin, running, n))
                        .expect(201);
                progress.accept(who.displayName() + " 提交入驻申请 / applied: "
                        + applied.path("id").asText());
                JsonNode approved = client.post(
                                "/api/v1/onboarding/applications/"
                                        + applied.path("id").asText() + "/decision",
                                review,
                                JSON.createObjectNode().put("decision", "APPROVE"))
                        .expect(200);
                participantId = approved.path("participantId").asText();
                progress.accept("审核通过 / approved, participant " + participantId);
            }
            String adminToken = client.login(admin, PASSWORD);
            JsonNode credential = client.get("/api/v1/participants/" + participantId + "/credential", adminToken)
                    .expect(200);
            String clientId = client.get("/api/v1/participants/" + participantId + "/clients", adminToken)
                    .expect(200)
                    .get(0)
                    .path("clientId")
                    .asText();
            CryptoSuite suite =
                    CryptoSuites.create(running.node().config().node().cryptoSuite(), new SecureRandom());
            String connectorToken = client.connectorToken(suite, running.node().keys(), clientId, Clock.systemUTC());
            client.get("/api/v1/users/me", connectorToken).expect(200);
            progress.accept(who.nodeName() + " 连接器以自身密钥换取令牌 / connector authenticated with its node key");
            result.add(new Onboarded(
                    who,
                    participantId,
                    admin,
                    credential.path("id").asText(),
                    credential.path("statusListIndex").asInt(),
                    clientId));
        }
        return result;
    }

    private static JsonNode findParticipant(SpaceClient client, String reviewer, DemoParticipant who) {
        for (JsonNode p : client.get("/api/v1/participants", reviewer).expect(200)) {
            if (p.path("creditCode").asText().equals(who.creditCode())) {
                return p;
            }
        }
        return null;
    }

    private static ObjectNode application(DemoParticipant who, String admin, Demo.Running running, int n) {
        ObjectNode body = JSON.createObjectNode()
                .put("organizationName", who.organizationName())
                .put("creditCode", who.creditCode())
                .put("organizationType", who.organizationType())
                .put("industry", who.industry())
                .put("adminUsername", admin)
                .put("adminPassword", PASSWORD)
                .put("connectorKey", running.node().keys().publicKey().toBase64());
        body.putObject("contact")
                .put("name", "演示联系人 " + n)
                .put("phone", "021-6000000" + n)
                .put("email", who.nodeName() + "@demo.tds.example");
        var roles = body.putArray("roles");
        who.participantRoles().forEach(roles::add);
        body.putArray("documents")
                .addObject()
                .put("name", "统一社会信用代码证书.txt")
                .put("mediaType", "text/plain")
                .put(
                        "contentBase64",
                        java.util.Base64.getEncoder()
                                .encodeToString(("统一社会信用代码 " + who.creditCode() + " " + who.organizationName())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return body;
    }

    static String initialPassword(TdsNode space) {
        try {
            return Files.readString(
                            space.config().node().dataDir().resolve("keys").resolve(InitialAdministrator.FILE))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the space node's initial administrator password is missing", e);
        }
    }

    static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }
}
