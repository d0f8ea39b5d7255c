package city.tds.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.core.identity.Role;
import city.tds.core.testkit.MutableClock;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.identity.ConnectorPresentations;
import city.tds.identity.PresentedParticipant;
import city.tds.protocol.Dsp;
import city.tds.server.config.ConfigKey;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.SpaceFixture;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two spaces: a connector of space B presents itself to a connector of space A. Refused while A does not trust B;
 * accepted once A's security administrator has put B on A's trust list (within the trust list's life).
 */
class CrossSpacePresentationTest {

    private static final String AUDIENCE = "https://bank.a.example/api/dsp/2025-1";

    @TempDir
    Path dir;

    @Test
    void aConnectorOfASpaceOnTheTrustListIsAcceptedAndUntilThenRefused() {
        try (TdsNode a = TestNodes.start(dir.resolve("a"), "space-a");
                TdsNode b = TestNodes.start(dir.resolve("b"), "space-b")) {
            SpaceFixture spaceA = new SpaceFixture(a);
            SpaceFixture spaceB = new SpaceFixture(b);
            SpaceFixture.Organisation bank = spaceA.onboard("甲空间银行");
            SpaceFixture.Organisation shop = spaceB.onboard("乙空间企业");
            CryptoSuite suite = CryptoSuites.create(a.config().node().cryptoSuite(), new SecureRandom());
            // the receiver's clock runs behind, so that it can be moved past the trust list's life
            MutableClock clock = MutableClock.startingAt(
                    Instant.now().minus(Duration.ofSeconds(90)).toString());
            ConnectorSession receiver = new ConnectorSession(
                    new ConnectorMembership(a.url(), bank.participantId(), bank.clientId()),
                    suite,
                    bank.connectorKey(),
                    clock);
            ConnectorSession sender = new ConnectorSession(
                    new ConnectorMembership(b.url(), shop.participantId(), shop.clientId()),
                    suite,
                    shop.connectorKey(),
                    Clock.systemUTC());
            ConnectorPresentations check = new ConnectorPresentations(receiver, clock);

            Result<PresentedParticipant> untrusted = check.verify(sender.presentationFor(AUDIENCE), AUDIENCE);
            assertThat(untrusted.isOk()).isFalse();
            assertThat(untrusted.problem().code()).isEqualTo("dsp-token-untrusted-issuer");

            String security = spaceA.staff(Role.SECURITY_ADMIN, "security-a");
            spaceA.client()
                    .post(
                            "/api/v1/trust/issuers",
                            security,
                            new ObjectMapper()
                                    .createObjectNode()
                                    .put("issuerId", Dsp.base(b.url().toString()))
                                    .put("name", "乙空间")
                                    .put(
                                            "suite",
                                            a.config().node().cryptoSuite().name())
                                    .put("publicKey", b.keys().publicKey().toBase64()))
                    .expect(201);
            assertThat(check.verify(sender.presentationFor(AUDIENCE), AUDIENCE).isOk())
                    .as("the trust list read a moment ago is still in use")
                    .isFalse();

            clock.advance(ConnectorSession.TRUST_LIST_LIFE.plusSeconds(1));
            Result<PresentedParticipant> trusted = check.verify(sender.presentationFor(AUDIENCE), AUDIENCE);

            assertThat(trusted.isOk()).as("%s", trusted).isTrue();
            assertThat(trusted.value().participantId()).isEqualTo(shop.participantId());
            assertThat(trusted.value().issuer()).isEqualTo(Dsp.base(b.url().toString()));
            assertThat(receiver.find("https://unknown.example")).isEmpty();

            // trusting space B for DSP does not let B's tokens into the management API of A's connectors
            try (TdsNode connector = TestNodes.start(TestNodes.config(
                    dir.resolve("bank"),
                    "bank",
                    Map.of(
                            ConfigKey.NODE_ROLES, "connector",
                            ConfigKey.CONNECTOR_SPACE_URL, a.url().toString(),
                            ConfigKey.CONNECTOR_PARTICIPANT_ID, bank.participantId(),
                            ConfigKey.CONNECTOR_CLIENT_ID, bank.clientId())))) {
                SpaceTokenAuthenticator management =
                        new SpaceTokenAuthenticator(connector.protocol().orElseThrow(), Clock.systemUTC());
                assertThat(management.authenticate(bank.adminToken()).isOk()).isTrue();
                Result<?> foreign = management.authenticate(shop.adminToken());
                assertThat(foreign.isOk()).isFalse();
                assertThat(foreign.problem().code()).isEqualTo("forged-token");
            }
        }
    }
}
