package city.tds.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.Result;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.testkit.MutableClock;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.jose.Jws;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.store.DatabaseContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Onboarding, accounts, tokens, credentials and the trust list on a real database, with their evidence. */
public abstract class IdentityContract extends DatabaseContract {

    static final String ISSUER = "https://space.example.gov.cn";
    static final String PASSWORD = "a-long-initial-password";

    protected final MutableClock clock = MutableClock.startingAt("2026-12-01T08:00:00Z");
    protected final CryptoSuite suite = new GmSuite(new SecureRandom());
    protected final SigningKeyPair spaceKey = suite.generateSigningKeyPair();
    protected Identity identity;
    protected EvidenceLog evidence;
    protected Principal reviewer;
    protected Principal security;

    @BeforeEach
    void openIdentity() {
        evidence = new EvidenceLog(
                new JdbiEvidenceStore(database, suite.hashLength()),
                database.unitOfWork(),
                suite,
                spaceKey,
                clock,
                EvidenceSettings.DEFAULT);
        IdentitySettings settings =
                IdentitySettings.defaults(ISSUER).withPasswordCost(new Argon2idParameters(64, 1, 1));
        identity = new Identity(
                new JdbiIdentityStore(database),
                database.unitOfWork(),
                suite,
                spaceKey,
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                settings,
                evidence.recorder());
        identity.accounts().bootstrap("initial-sysadmin-password").orElseThrow();
        Principal sysadmin = login("sysadmin", "initial-sysadmin-password");
        identity.accounts()
                .create("reviewer", PASSWORD, EnumSet.of(Role.ONBOARDING_REVIEWER), sysadmin)
                .orElseThrow();
        identity.accounts()
                .create("security", PASSWORD, EnumSet.of(Role.SECURITY_ADMIN), sysadmin)
                .orElseThrow();
        reviewer = login("reviewer", PASSWORD);
        security = login("security", PASSWORD);
    }

    protected Principal login(String username, String password) {
        UserAccount user = identity.accounts().authenticate(username, password).orElseThrow();
        String token = identity.tokens().forUser(user).accessToken();
        return identity.tokens().verify(token).orElseThrow();
    }

    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    protected ApplicationForm form(String creditCode, String admin, String connectorKey) {
        return new ApplicationForm(
                "城商银行股份有限公司",
                creditCode,
                OrganizationType.ENTERPRISE,
                "金融",
                new Application.Contact("张三", "021-12345678", "zhang@bank.example.cn"),
                EnumSet.of(ParticipantRole.CONSUMER),
                admin,
                PASSWORD,
                connectorKey,
                List.of(new ApplicationForm.Document(
                        "营业执照.pdf", "application/pdf", "%PDF-1.7 licence".getBytes(StandardCharsets.UTF_8))));
    }

    protected List<String> evidenceTypes() {
        while (evidence.sequenceBatch() > 0) {
            // integrate
        }
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT event_type FROM evidence_leaf ORDER BY seq")
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void anApprovedApplicationBecomesAParticipantWithAccountKeyAndCredential() {
        SigningKeyPair connector = suite.generateSigningKeyPair();
        Onboarding.Submitted submitted = identity.onboarding()
                .apply(form(
                        code("91310000MA1FL1234"),
                        "bank-admin",
                        connector.publicKey().toBase64()))
                .orElseThrow();
        assertThat(submitted.application().documents())
                .singleElement()
                .satisfies(d -> assertThat(d.digest()).hasSize(64));

        Application approved = identity.onboarding()
                .decide(submitted.application().id(), ApplicationStatus.Decision.APPROVE, null, null, reviewer)
                .orElseThrow();

        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        String participantId = approved.participantId();
        IssuedCredential credential =
                identity.credentials().current(participantId).orElseThrow();
        Credentials.Check check = identity.credentials().verify(credential.jwt());
        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(check.claims()
                        .path("vc")
                        .path("credentialSubject")
                        .path("roles")
                        .get(0)
                        .asText())
                .isEqualTo("CONSUMER");
        assertThat(Jws.parse(credential.jwt()).parsed().orElseThrow().alg()).isEqualTo("SM2");

        Principal admin = login("bank-admin", PASSWORD);
        assertThat(admin.participantId()).isEqualTo(participantId);
        assertThat(admin.roles()).containsExactly(Role.PARTICIPANT_ADMIN);
        assertThat(evidenceTypes())
                .contains("onboarding.applied", "onboarding.approved", "credential.issued", "user.created");
    }

    @Test
    void aRevokedCredentialIsRefusedAndItsParticipantsTokensWithIt() {
        String participantId = approve(code("91310000MA1FL2345"), "bank2-admin", null);
        String token = identity.tokens()
                .forUser(identity.accounts()
                        .authenticate("bank2-admin", PASSWORD)
                        .orElseThrow())
                .accessToken();
        String jwt = identity.credentials().current(participantId).orElseThrow().jwt();

        identity.credentials()
                .revoke(participantId, "licence withdrawn", security)
                .orElseThrow();

        assertThat(identity.credentials().verify(jwt).reason()).contains("revoked");
        assertThat(identity.tokens().verify(token).problem().code()).isEqualTo("participant-refused");
        assertThat(problem(identity.credentials().revoke(participantId, "again", security)))
                .isEqualTo("already-revoked");
        String list = new ObjectMapper()
                .valueToTree(Jws.parse(identity.credentials().statusListCredential())
                        .parsed()
                        .orElseThrow()
                        .claims())
                .path("vc")
                .path("credentialSubject")
                .path("encodedList")
                .asText();
        int index = identity.credentials().current(participantId).orElseThrow().statusIndex();
        assertThat(StatusList.isSet(list, index)).isTrue();

        identity.credentials().reissue(participantId, security).orElseThrow();
        assertThat(identity.tokens().verify(token).isOk()).isTrue();
    }

    @Test
    void badApplicationsAndDecisionsAreRefusedAndChangeNothing() {
        assertThat(problem(identity.onboarding().apply(form("91310000MA1FL123X", "x-admin", null))))
                .isEqualTo("invalid-credit-code");
        assertThat(problem(identity.onboarding().apply(form(code("91310000MA1FL3456"), "x-admin", "bm90LWEta2V5"))))
                .isEqualTo("invalid-connector-key");
        String code = code("91310000MA1FL3456");
        Onboarding.Submitted first =
                identity.onboarding().apply(form(code, "x-admin", null)).orElseThrow();
        assertThat(problem(identity.onboarding().apply(form(code, "y-admin", null))))
                .isEqualTo("duplicate-application");

        String id = first.application().id();
        assertThat(problem(identity.onboarding().decide(id, ApplicationStatus.Decision.REJECT, " ", null, reviewer)))
                .isEqualTo("reason-required");
        identity.onboarding()
                .decide(id, ApplicationStatus.Decision.REJECT, "licence expired", null, reviewer)
                .orElseThrow();
        assertThat(problem(identity.onboarding().decide(id, ApplicationStatus.Decision.APPROVE, null, null, reviewer)))
                .isEqualTo("already-decided");
        assertThat(identity.participants().all()).isEmpty();
        assertThat(problem(
                        identity.onboarding().decide("nope", ApplicationStatus.Decision.APPROVE, null, null, reviewer)))
                .isEqualTo("no-such-application");
    }

    @Test
    void moreInformationIsRequestedAndTheApplicantResubmitsWithItsToken() {
        Onboarding.Submitted submitted = identity.onboarding()
                .apply(form(code("91310000MA1FL4567"), "z-admin", null))
                .orElseThrow();
        String id = submitted.application().id();
        identity.onboarding()
                .decide(id, ApplicationStatus.Decision.REQUEST_INFO, "add the authorisation letter", null, reviewer)
                .orElseThrow();

        assertThat(identity.onboarding().applicationForApplicant(id, "wrong").isOk())
                .isFalse();
        assertThat(identity.onboarding()
                        .applicationForApplicant(id, submitted.statusToken())
                        .value()
                        .status())
                .isEqualTo(ApplicationStatus.MORE_INFO_REQUESTED);
        Application resubmitted = identity.onboarding()
                .resubmit(id, submitted.statusToken(), form(code("91310000MA1FL4567"), "z-admin", null))
                .orElseThrow();
        assertThat(resubmitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(resubmitted.documents()).hasSize(2);
        assertThat(evidenceTypes()).contains("onboarding.info-requested", "onboarding.resubmitted");
    }

    @Test
    void anAccountLocksAfterTooManyFailuresUntilTheSecurityAdminUnlocksIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(problem(identity.accounts().authenticate("reviewer", "wrong-password-" + i)))
                    .isEqualTo("invalid-credentials");
        }
        assertThat(problem(identity.accounts().authenticate("reviewer", PASSWORD)))
                .isEqualTo("account-locked");
        assertThat(identity.tokens()
                        .verify(identity.tokens()
                                .forUser(identity.accounts()
                                        .user(reviewer.subject())
                                        .orElseThrow())
                                .accessToken())
                        .problem()
                        .code())
                .isEqualTo("account-locked");

        identity.accounts().unlock(reviewer.subject(), security).orElseThrow();
        assertThat(identity.accounts().authenticate("reviewer", PASSWORD).isOk())
                .isTrue();
        assertThat(evidenceTypes()).contains("user.locked", "user.unlocked");
        assertThat(problem(identity.accounts().authenticate("nobody", PASSWORD)))
                .isEqualTo("invalid-credentials");
    }

    @Test
    void separationOfDutiesAndWhoCreatesWhomAreEnforced() {
        Principal sysadmin = login("sysadmin", "initial-sysadmin-password");
        assertThat(problem(identity.accounts()
                        .create("both", PASSWORD, EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN), sysadmin)))
                .isEqualTo("separation-of-duties");
        assertThat(problem(
                        identity.accounts().create("member", PASSWORD, EnumSet.of(Role.PARTICIPANT_MEMBER), sysadmin)))
                .isEqualTo("forbidden");
        assertThat(problem(identity.accounts().create("other", PASSWORD, EnumSet.of(Role.AUDIT_ADMIN), reviewer)))
                .isEqualTo("forbidden");
        assertThat(problem(identity.accounts().create("sysadmin", PASSWORD, EnumSet.of(Role.AUDIT_ADMIN), sysadmin)))
                .isEqualTo("username-taken");
        assertThat(problem(identity.accounts().create("weak", "short", EnumSet.of(Role.AUDIT_ADMIN), sysadmin)))
                .isEqualTo("weak-password");
    }

    @Test
    void accessTokensExpireAndForgedOnesAreRefused() {
        String token = identity.tokens()
                .forUser(identity.accounts().user(reviewer.subject()).orElseThrow())
                .accessToken();
        assertThat(identity.tokens().verify(token).isOk()).isTrue();

        SigningKeyPair stranger = suite.generateSigningKeyPair();
        String forged = Jws.sign(
                suite,
                stranger,
                "at+jwt",
                new ObjectMapper()
                        .createObjectNode()
                        .put("iss", ISSUER)
                        .put("sub", "x")
                        .put("exp", 4_000_000_000L));
        assertThat(identity.tokens().verify(forged).problem().code()).isEqualTo("forged-token");
        assertThat(identity.tokens().verify("not.a.token").problem().code()).isEqualTo("malformed-token");

        clock.advance(Duration.ofMinutes(16));
        assertThat(identity.tokens().verify(token).problem().code()).isEqualTo("token-expired");
    }

    @Test
    void aRefreshTokenWorksOnce() {
        var grant = identity.tokens()
                .forUser(identity.accounts().user(reviewer.subject()).orElseThrow());
        var renewed = identity.tokens().refresh(grant.refreshToken()).orElseThrow();
        assertThat(identity.tokens().verify(renewed.accessToken()).isOk()).isTrue();
        assertThat(problem(identity.tokens().refresh(grant.refreshToken()))).isEqualTo("invalid-refresh-token");
    }

    @Test
    void aConnectorExchangesASignedAssertionOnceForAToken() {
        SigningKeyPair connector = suite.generateSigningKeyPair();
        String participantId = approve(
                code("91310000MA1FL5678"), "c-admin", connector.publicKey().toBase64());
        String clientId = identity.participants().clients(participantId).get(0).clientId();

        String assertion = assertion(
                connector,
                clientId,
                ISSUER + AccessTokens.TOKEN_PATH,
                UUID.randomUUID().toString());
        Principal machine = identity.tokens()
                .verify(identity.tokens()
                        .forClientAssertion(assertion)
                        .orElseThrow()
                        .accessToken())
                .orElseThrow();
        assertThat(machine.roles()).containsExactly(Role.CONNECTOR);
        assertThat(machine.participantId()).isEqualTo(participantId);

        assertThat(problem(identity.tokens().forClientAssertion(assertion))).isEqualTo("replayed-client-assertion");
        assertThat(problem(identity.tokens()
                        .forClientAssertion(assertion(connector, clientId, "https://elsewhere/token", "j2"))))
                .isEqualTo("invalid-client-assertion");
        assertThat(problem(identity.tokens()
                        .forClientAssertion(assertion(
                                suite.generateSigningKeyPair(), clientId, ISSUER + AccessTokens.TOKEN_PATH, "j3"))))
                .isEqualTo("invalid-client-assertion");
    }

    @Test
    void aConnectorPresentsItselfToAnotherConnectorWithItsTokenAndCredential() {
        SigningKeyPair connector = suite.generateSigningKeyPair();
        String participantId = approve(
                code("91310000MA1FL5679"), "p-admin", connector.publicKey().toBase64());
        String clientId = identity.participants().clients(participantId).get(0).clientId();
        String token = identity.tokens()
                .forClientAssertion(assertion(connector, clientId, ISSUER + AccessTokens.TOKEN_PATH, "a1"))
                .orElseThrow()
                .accessToken();
        String credential =
                identity.credentials().current(participantId).orElseThrow().jwt();
        String receiver = "https://tax.example/api/dsp/2025-1";
        TrustedIssuers trusted = issuer -> issuer.equals(ISSUER)
                ? Optional.of(new TrustedIssuers.IssuerKey(suite, spaceKey.publicKey()))
                : Optional.empty();
        ConnectorPresentations presentations = new ConnectorPresentations(trusted, clock);
        String presentation = ConnectorPresentations.present(
                suite, connector, participantId, token, credential, receiver, "p1", clock.instant());

        PresentedParticipant who =
                presentations.verify(presentation, receiver + "/").orElseThrow();

        assertThat(who.participantId()).isEqualTo(participantId);
        assertThat(who.issuer()).isEqualTo(ISSUER);
        assertThat(who.industry()).isNotBlank();
        assertThat(who.roles()).isNotEmpty();
        assertThat(problem(presentations.verify(presentation, receiver))).isEqualTo("dsp-token-replayed");
        assertThat(problem(presentations.verify(
                        ConnectorPresentations.present(
                                suite,
                                connector,
                                participantId,
                                token,
                                credential,
                                "https://elsewhere.example/api/dsp/2025-1",
                                "p2",
                                clock.instant()),
                        receiver)))
                .isEqualTo("dsp-token-audience");
        assertThat(problem(presentations.verify(
                        ConnectorPresentations.present(
                                suite,
                                suite.generateSigningKeyPair(),
                                participantId,
                                token,
                                credential,
                                receiver,
                                "p3",
                                clock.instant()),
                        receiver)))
                .as("someone else's key with a stolen token")
                .isEqualTo("dsp-token-forged");
        assertThat(problem(new ConnectorPresentations(issuer -> Optional.empty(), clock)
                        .verify(
                                ConnectorPresentations.present(
                                        suite,
                                        connector,
                                        participantId,
                                        token,
                                        credential,
                                        receiver,
                                        "p4",
                                        clock.instant()),
                                receiver)))
                .isEqualTo("dsp-token-untrusted-issuer");
        assertThat(problem(presentations.verify("not-a-jwt", receiver))).isEqualTo("dsp-token-malformed");
        assertThat(problem(presentations.verify(null, receiver))).isEqualTo("dsp-token-missing");
        String late = ConnectorPresentations.present(
                suite, connector, participantId, token, credential, receiver, "p5", clock.instant());
        clock.advance(java.time.Duration.ofMinutes(3));
        assertThat(problem(presentations.verify(late, receiver))).isEqualTo("dsp-token-expired");
    }

    @Test
    void aSuspendedParticipantIsRefusedUntilReinstated() {
        String participantId = approve(code("91310000MA1FL6789"), "s-admin", null);
        identity.onboarding().suspend(participantId, "audit finding", reviewer).orElseThrow();
        assertThat(problem(identity.accounts().authenticate("s-admin", PASSWORD)))
                .isEqualTo("participant-suspended");
        assertThat(problem(identity.onboarding().suspend(participantId, "again", reviewer)))
                .isEqualTo("status-unchanged");

        identity.onboarding().reinstate(participantId, "resolved", reviewer).orElseThrow();
        assertThat(identity.accounts().authenticate("s-admin", PASSWORD).isOk()).isTrue();
        assertThat(evidenceTypes()).contains("participant.suspended", "participant.reinstated");
    }

    @Test
    void theTrustListAcceptsOtherSpacesCredentials() {
        CryptoSuite other = new GmSuite(new SecureRandom());
        SigningKeyPair otherKey = other.generateSigningKeyPair();
        String foreign = Jws.sign(
                other,
                otherKey,
                "JWT",
                new ObjectMapper()
                        .createObjectNode()
                        .put("iss", "https://other-space.example.cn")
                        .put("sub", "urn:tds:participant:x")
                        .put("exp", clock.instant().plusSeconds(3600).getEpochSecond()));
        assertThat(identity.credentials().verify(foreign).reason()).contains("not on the trust list");

        identity.trustList()
                .add(
                        "https://other-space.example.cn",
                        "长三角数据空间",
                        "GM",
                        otherKey.publicKey().toBase64(),
                        security)
                .orElseThrow();
        assertThat(identity.credentials().verify(foreign).valid()).isTrue();
        assertThat(problem(identity.trustList().add("ftp://x", "x", "GM", "", security)))
                .isEqualTo("invalid-issuer");
        assertThat(problem(identity.trustList().add("https://x.cn", "x", "RSA", "", security)))
                .isEqualTo("invalid-suite");

        identity.trustList().remove("https://other-space.example.cn", security).orElseThrow();
        assertThat(identity.credentials().verify(foreign).valid()).isFalse();
        assertThat(evidenceTypes()).contains("trust.issuer-added", "trust.issuer-removed");
    }

    private String approve(String creditCode, String admin, String connectorKey) {
        Onboarding.Submitted submitted = identity.onboarding()
                .apply(form(creditCode, admin, connectorKey))
                .orElseThrow();
        return identity.onboarding()
                .decide(submitted.application().id(), ApplicationStatus.Decision.APPROVE, null, null, reviewer)
                .orElseThrow()
                .participantId();
    }

    private String assertion(SigningKeyPair key, String clientId, String audience, String jti) {
        Instant now = clock.instant();
        return Jws.sign(
                suite,
                key,
                "JWT",
                new ObjectMapper()
                        .createObjectNode()
                        .put("iss", clientId)
                        .put("sub", clientId)
                        .put("aud", audience)
                        .put("jti", jti)
                        .put("exp", now.plusSeconds(120).getEpochSecond()));
    }

    private static String problem(Result<?> result) {
        assertThat(result.isOk()).as("expected a refusal").isFalse();
        return result.problem().code();
    }

    static Set<Role> none() {
        return Set.of();
    }
}
