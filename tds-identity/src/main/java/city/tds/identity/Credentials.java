package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.crypto.jose.Jws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Membership credentials: W3C Verifiable Credentials (data model 1.1) in the JWT encoding, signed with the space
 * node's key ({@code alg} {@code SM2} or {@code EdDSA}, see {@link Jws}), revocable through the space's Bitstring Status
 * List published at {@code <issuer>/api/v1/credentials/status/1}.
 */
public final class Credentials {

    public static final String STATUS_LIST_PATH = "/api/v1/credentials/status/1";

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final SigningKeyPair key;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final IdentityEvidence evidence;
    private final StatusCache status;

    Credentials(
            IdentityStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            SigningKeyPair key,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            IdentityEvidence evidence,
            StatusCache status) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.evidence = evidence;
        this.status = status;
    }

    public String statusListUrl() {
        return settings.issuer() + STATUS_LIST_PATH;
    }

    /** Issues a credential for an active participant; runs in the caller's unit of work. */
    IssuedCredential issue(Participant participant, Principal by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.credentialLifetime());
        int index = store.nextStatusIndex();
        String id = "urn:uuid:" + ids.newId();
        ObjectNode claims = IdentityEvidence.payload();
        claims.put("iss", settings.issuer());
        claims.put("sub", subjectId(participant.id()));
        claims.put("jti", id);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        ObjectNode vc = claims.putObject("vc");
        vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
        vc.putArray("type").add("VerifiableCredential").add("TdsMembershipCredential");
        vc.put("issuanceDate", now.toString());
        vc.put("expirationDate", expires.toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", subjectId(participant.id()));
        subject.put("name", participant.name());
        subject.put("creditCode", participant.creditCode().value());
        subject.put("organizationType", participant.organizationType().name());
        subject.put("industry", participant.industry());
        ArrayNode roles = subject.putArray("roles");
        participant.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        subject.put("memberOf", settings.issuer());
        ObjectNode entry = vc.putObject("credentialStatus");
        entry.put("id", statusListUrl() + "#" + index);
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", "revocation");
        entry.put("statusListIndex", Integer.toString(index));
        entry.put("statusListCredential", statusListUrl());
        String jwt = Jws.sign(suite, key, "JWT", claims);
        IssuedCredential credential = new IssuedCredential(id, participant.id(), index, jwt, now, expires, null, null);
        store.insertCredential(credential);
        ObjectNode payload = IdentityEvidence.payload();
        payload.put("credentialId", id);
        payload.put("participantId", participant.id());
        payload.put("statusListIndex", index);
        payload.put("expiresAt", expires.toString());
        evidence.record(
                "credential.issued",
                by,
                List.of("credential:" + id, "participant:" + participant.id()),
                Set.of(participant.id()),
                payload);
        return credential;
    }

    public static String subjectId(String participantId) {
        return "urn:tds:participant:" + participantId;
    }

    public Optional<IssuedCredential> current(String participantId) {
        return store.latestCredential(participantId);
    }

    /** Revokes a participant's current credential: it is refused here at once and elsewhere within the refresh. */
    public Result<IssuedCredential> revoke(String participantId, String reason, Principal by) {
        if (reason == null || reason.isBlank()) {
            return Result.fail(Problem.invalidInput("reason-required", "a revocation needs a reason"));
        }
        Result<IssuedCredential> result = unitOfWork.attempt(tx -> {
            IssuedCredential credential = store.latestCredential(participantId).orElse(null);
            if (credential == null) {
                return Result.fail(
                        Problem.notFound("no-credential", "participant " + participantId + " has no credential"));
            }
            if (credential.revoked()) {
                return Result.fail(Problem.conflict(
                        "already-revoked",
                        "credential " + credential.id() + " was revoked at " + credential.revokedAt()));
            }
            Instant now = clock.instant();
            store.revokeCredential(credential.id(), now, reason.trim());
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("credentialId", credential.id());
            payload.put("participantId", participantId);
            payload.put("statusListIndex", credential.statusIndex());
            payload.put("reason", reason.trim());
            evidence.record(
                    "credential.revoked",
                    by,
                    List.of("credential:" + credential.id(), "participant:" + participantId),
                    Set.of(participantId),
                    payload);
            return Result.ok(store.latestCredential(participantId).orElseThrow());
        });
        if (result.isOk()) {
            status.refreshNow();
        }
        return result;
    }

    /** Issues a fresh credential to an active participant whose credential was revoked or expires. */
    public Result<IssuedCredential> reissue(String participantId, Principal by) {
        Result<IssuedCredential> result = unitOfWork.attempt(tx -> {
            Participant participant = store.participant(participantId).orElse(null);
            if (participant == null) {
                return Result.fail(Problem.notFound("no-such-participant", "no participant " + participantId));
            }
            if (participant.status() != Participant.Status.ACTIVE) {
                return Result.fail(
                        Problem.conflict("participant-suspended", "participant " + participantId + " is suspended"));
            }
            return Result.ok(issue(participant, by));
        });
        if (result.isOk()) {
            status.refreshNow();
        }
        return result;
    }

    /** The status list as a signed credential (JWT), for anyone to fetch. */
    public String statusListCredential() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode claims = IdentityEvidence.payload();
        claims.put("iss", settings.issuer());
        claims.put("sub", statusListUrl() + "#list");
        claims.put("jti", statusListUrl());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(settings.statusRefresh().multipliedBy(2)).getEpochSecond());
        ObjectNode vc = claims.putObject("vc");
        vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.put("issuanceDate", now.toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", statusListUrl() + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", StatusList.encode(store.revokedStatusIndexes()));
        return Jws.sign(suite, key, "JWT", claims);
    }

    /** What checking a presented credential found. */
    public record Check(boolean valid, String reason, JsonNode claims) {
        static Check refused(String reason) {
            return new Check(false, reason, null);
        }
    }

    /**
     * Checks a membership credential: well formed, issued by this space or an issuer on the trust list, signed by
     * it, within its validity, and (for this space's own credentials) not revoked.
     */
    public Check verify(String jwt) {
        Jws.ParseResult parsed = Jws.parse(jwt);
        if (parsed.parsed().isEmpty()) {
            return Check.refused("malformed credential: " + parsed.problem());
        }
        Jws.Parsed token = parsed.parsed().get();
        String iss = token.claims().path("iss").asText();
        CryptoSuite issuerSuite;
        SigningPublicKey issuerKey;
        if (iss.equals(settings.issuer())) {
            issuerSuite = suite;
            issuerKey = key.publicKey();
        } else {
            Optional<TrustedIssuer> trusted = store.issuer(iss);
            if (trusted.isEmpty()) {
                return Check.refused("issuer " + iss + " is not on the trust list");
            }
            issuerSuite =
                    CryptoSuites.create(SuiteId.parse(trusted.get().suite()).orElseThrow(), new SecureRandom());
            Optional<SigningPublicKey> k = issuerSuite.readPublicKey(
                    Base64.getDecoder().decode(trusted.get().publicKey()));
            if (k.isEmpty()) {
                return Check.refused("the trust list holds no valid key for " + iss);
            }
            issuerKey = k.get();
        }
        if (!token.verifiedBy(issuerSuite, issuerKey)) {
            return Check.refused("the credential's signature does not verify with the key of " + iss);
        }
        long now = clock.instant().getEpochSecond();
        if (token.claims().path("exp").asLong(0) <= now) {
            return Check.refused("the credential expired");
        }
        if (token.claims().path("nbf").asLong(0) > now + 60) {
            return Check.refused("the credential is not valid yet");
        }
        if (iss.equals(settings.issuer())) {
            String id = token.claims().path("jti").asText();
            String participant = token.claims().path("sub").asText().replace("urn:tds:participant:", "");
            Optional<IssuedCredential> issued =
                    store.latestCredential(participant).filter(c -> c.id().equals(id));
            if (issued.isEmpty()) {
                return Check.refused("the credential " + id + " was superseded or never issued here");
            }
            if (issued.get().revoked()) {
                return Check.refused("the credential " + id + " was revoked");
            }
        }
        return new Check(true, "", token.claims());
    }
}
