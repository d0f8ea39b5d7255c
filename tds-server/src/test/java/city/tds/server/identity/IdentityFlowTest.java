package city.tds.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.identity.Role;
import city.tds.server.identity.SpaceClient.Reply;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.SpaceFixture;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTP, as users do it: apply, review, credential, log in, call, revoke, refused; and every bad input. */
class IdentityFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TdsNode node;
    private static SpaceFixture space;
    private static SpaceClient client;
    private static String security;

    @BeforeAll
    static void start() {
        node = TestNodes.start(dir.resolve("space"), "identity-flow");
        space = new SpaceFixture(node);
        client = space.client();
        security = space.staff(Role.SECURITY_ADMIN, "security-admin");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String code(Reply reply) {
        return reply.body().path("type").asText().replace("urn:tds:problem:", "");
    }

    @Test
    void applyReviewCredentialLoginCallRevokeRefused() {
        SpaceFixture.Organisation bank = space.onboard("城商银行");

        Reply credential =
                client.get("/api/v1/participants/" + bank.participantId() + "/credential", bank.adminToken());
        JsonNode vc = credential.expect(200);
        Reply check = client.post(
                "/api/v1/credentials/verification",
                null,
                JSON.createObjectNode().put("credential", vc.path("jwt").asText()));
        assertThat(check.expect(200).path("valid").asBoolean()).isTrue();
        assertThat(check.body()
                        .path("claims")
                        .path("vc")
                        .path("credentialSubject")
                        .path("name")
                        .asText())
                .isEqualTo("城商银行");

        assertThat(client.get("/api/v1/participants/" + bank.participantId(), bank.adminToken())
                        .status())
                .isEqualTo(200);
        String connector = space.connectorToken(bank);
        assertThat(client.get("/api/v1/users/me", connector)
                        .expect(200)
                        .path("roles")
                        .get(0)
                        .asText())
                .isEqualTo("CONNECTOR");

        client.post(
                        "/api/v1/participants/" + bank.participantId() + "/credential/revocation",
                        security,
                        JSON.createObjectNode().put("reason", "营业执照被吊销"))
                .expect(200);

        Reply refused = client.get("/api/v1/participants/" + bank.participantId(), bank.adminToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(code(refused)).isEqualTo("participant-refused");
        assertThat(client.get("/api/v1/users/me", connector).status()).isEqualTo(401);
        assertThat(client.post(
                                "/api/v1/credentials/verification",
                                null,
                                JSON.createObjectNode()
                                        .put("credential", vc.path("jwt").asText()))
                        .body()
                        .path("reason")
                        .asText())
                .contains("revoked");
        String statusList =
                client.get("/api/v1/credentials/status/1", null).expect(200).asText();
        assertThat(statusList.split("\\.")).hasSize(3);
    }

    @Test
    void invalidCreditCodesAreNamedAndNothingIsStored() {
        int before = client.get("/api/v1/onboarding/applications", space.reviewer())
                .expect(200)
                .size();
        for (String[] bad : new String[][] {
            {"9131000MA1FL123X", "has 16"},
            {"91310000MA1FL12O3X", "is not allowed"},
            {"91310000MA1FL12345", "check character"}
        }) {
            ObjectNode body = space.application("坏代码企业", 90, "bad-code-admin", node.keys());
            body.put("creditCode", bad[0]);
            Reply reply = client.post("/api/v1/onboarding/applications", null, body);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(code(reply)).isEqualTo("invalid-credit-code");
            assertThat(reply.body().path("detail").asText()).contains(bad[1]);
        }
        assertThat(client.get("/api/v1/onboarding/applications", space.reviewer())
                        .expect(200)
                        .size())
                .isEqualTo(before);
    }

    @Test
    void duplicatesAndSecondDecisionsAreConflicts() {
        ObjectNode body = space.application("重复申请企业", 91, "dup-admin", node.keys());
        JsonNode first =
                client.post("/api/v1/onboarding/applications", null, body).expect(201);
        Reply again = client.post("/api/v1/onboarding/applications", null, body.put("adminUsername", "dup-admin-2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("duplicate-application");

        String decision = "/api/v1/onboarding/applications/" + first.path("id").asText() + "/decision";
        client.post(
                        decision,
                        space.reviewer(),
                        JSON.createObjectNode().put("decision", "REJECT").put("reason", "材料不全"))
                .expect(200);
        Reply second =
                client.post(decision, space.reviewer(), JSON.createObjectNode().put("decision", "APPROVE"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("already-decided");

        Reply unknownDecision =
                client.post(decision, space.reviewer(), JSON.createObjectNode().put("decision", "MAYBE"));
        assertThat(unknownDecision.status()).isEqualTo(400);
    }

    @Test
    void badTokensAreRefusedWithTheReason() {
        assertThat(code(client.get("/api/v1/users/me", null))).isEqualTo("authentication-required");
        assertThat(code(client.get("/api/v1/users/me", "not-a-jwt"))).isEqualTo("malformed-token");
        String forged = space.sysadminToken().substring(0, space.sysadminToken().lastIndexOf('.') + 1) + "AAAA"
                + space.sysadminToken().substring(space.sysadminToken().lastIndexOf('.') + 5);
        assertThat(code(client.get("/api/v1/users/me", forged))).isEqualTo("forged-token");
        Reply wrongRole = client.get("/api/v1/onboarding/applications", space.sysadminToken());
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.body().path("detail").asText()).contains("ONBOARDING_REVIEWER");
    }

    @Test
    void oneParticipantsTokenCannotReachAnothersResources() {
        SpaceFixture.Organisation a = space.onboard("甲企业");
        SpaceFixture.Organisation b = space.onboard("乙企业");

        Reply foreign = client.get("/api/v1/participants/" + b.participantId() + "/credential", a.adminToken());
        assertThat(foreign.status()).isEqualTo(404);
        Reply register = client.post(
                "/api/v1/participants/" + b.participantId() + "/clients",
                a.adminToken(),
                JSON.createObjectNode()
                        .put("publicKey", a.connectorKey().publicKey().toBase64()));
        assertThat(register.status()).isEqualTo(404);
        assertThat(client.get("/api/v1/participants/" + b.participantId() + "/clients", b.adminToken())
                        .expect(200)
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anUnknownRoleAndSeparationOfDutiesAreRefused() {
        ObjectNode unknown = JSON.createObjectNode().put("username", "role-x").put("password", SpaceFixture.PASSWORD);
        unknown.putArray("roles").add("SUPER_ADMIN");
        Reply reply = client.post("/api/v1/users", space.sysadminToken(), unknown);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("detail").asText()).contains("roles");

        ObjectNode both = JSON.createObjectNode().put("username", "role-y").put("password", SpaceFixture.PASSWORD);
        both.putArray("roles").add("SECURITY_ADMIN").add("AUDIT_ADMIN");
        assertThat(code(client.post("/api/v1/users", space.sysadminToken(), both)))
                .isEqualTo("separation-of-duties");
        assertThat(client.post(
                                "/api/v1/auth/login",
                                null,
                                JSON.createObjectNode()
                                        .put("username", "role-y")
                                        .put("password", SpaceFixture.PASSWORD))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void evidenceIsReadByTheAuditorAndByTheParticipantsItConcerns() {
        SpaceFixture.Organisation mine = space.onboard("存证查询企业");
        SpaceFixture.Organisation other = space.onboard("无关企业");
        while (node.evidence().sequenceBatch() > 0) {
            // make the onboarding records readable
        }
        String auditor = space.staff(Role.AUDIT_ADMIN, "auditor");

        JsonNode found = client.get(
                        "/api/v1/evidence/records?type=onboarding.approved&subject=participant:" + mine.participantId(),
                        auditor)
                .expect(200)
                .path("records");
        assertThat(found).hasSize(1);
        long seq = found.get(0).path("seq").asLong();

        JsonNode receipt = client.get("/api/v1/evidence/receipts/" + seq, mine.adminToken())
                .expect(200);
        var verified = new city.tds.evidence.receipt.ReceiptVerifier()
                .verify(
                        city.tds.evidence.receipt.Receipt.fromJson(receipt),
                        java.util.Optional.of(node.keys().publicKey()));
        assertThat(verified.valid()).as(verified.message()).isTrue();

        assertThat(client.get("/api/v1/evidence/records/" + seq, other.adminToken())
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/evidence/receipts/" + seq, other.adminToken())
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/evidence/records?type=onboarding.approved", other.adminToken())
                        .expect(200)
                        .path("records"))
                .allSatisfy(r -> assertThat(r.path("parties").toString()).contains(other.participantId()));
        assertThat(client.get("/api/v1/evidence/records/" + seq, space.reviewer())
                        .status())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/evidence/records/abc", auditor).status()).isEqualTo(400);
    }

    @Test
    void responsesMatchTheOpenApiDocument() {
        OpenApiDocument openApi = OpenApiDocument.bundled();
        city.tds.server.testkit.HttpCall.Response participants = city.tds.server.testkit.HttpCall.send(
                java.net.http.HttpRequest.newBuilder(node.url().resolve("/api/v1/participants"))
                        .header("Authorization", "Bearer " + space.reviewer()));
        openApi.assertConforms("GET", "/api/v1/participants", participants);
        city.tds.server.testkit.HttpCall.Response jwks =
                city.tds.server.testkit.HttpCall.get(node.url().resolve("/.well-known/jwks.json"));
        openApi.assertConforms("GET", "/.well-known/jwks.json", jwks);
        assertThat(jwks.json().path("keys").get(0).path("crv").asText()).isEqualTo("SM2");
    }
}
