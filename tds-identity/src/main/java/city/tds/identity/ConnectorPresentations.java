package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.identity.Role;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.jose.Jwk;
import city.tds.crypto.jose.Jws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one connector proves to another who it is, in the {@code Authorization: Bearer} header of every DSP call: a
 * short-lived JWT ({@code typ tds-dsp+jwt}) signed with the connector's key, addressed to the receiving connector
 * ({@code aud}), carrying the space-issued access token the connector obtained with that key (whose {@code cnf.jwk}
 * names the key) and the participant's membership credential (which carries its industry, organisation type and
 * roles).
 *
 * <p>The receiver accepts it only if the token and the credential were issued by a trusted issuer (its own space or
 * one on the trust list) and verify with that issuer's key; the token has the {@code CONNECTOR} role, is unexpired,
 * and its confirmation key verifies the presentation; the credential is unexpired and names the token's participant;
 * the presentation is for this receiver, lives at most five minutes, and its {@code jti} was not used before.
 * Revocation takes effect through the token: the space issues no token for a refused participant, and a token lives
 * for {@code identity.access-token-lifetime} (15 minutes).
 */
public final class ConnectorPresentations {

    public static final String TYPE = "tds-dsp+jwt";
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final long SKEW_SECONDS = 30;

    private final TrustedIssuers issuers;
    private final Clock clock;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private static final int VERIFIED_CACHE = 4096;
    private final Map<String, Boolean> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > VERIFIED_CACHE;
        }
    };

    public ConnectorPresentations(TrustedIssuers issuers, Clock clock) {
        this.issuers = issuers;
        this.clock = clock;
    }

    /**
     * A presentation for {@code audience} (the receiving connector's DSP base URL), signed with {@code key}, the key
     * the connector's {@code accessToken} was issued to.
     */
    public static String present(
            CryptoSuite suite,
            SigningKeyPair key,
            String participantId,
            String accessToken,
            String credential,
            String audience,
            String jti,
            Instant now) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", Credentials.subjectId(participantId));
        claims.put("aud", trim(audience));
        claims.put("jti", jti);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("access_token", accessToken);
        claims.put("vc", credential);
        return Jws.sign(suite, key, TYPE, claims);
    }

    /** Checks a presentation received at {@code audience}; refusals are {@code 401}s naming what failed. */
    public Result<PresentedParticipant> verify(String presentation, String audience) {
        if (presentation == null || presentation.isBlank()) {
            return refused("dsp-token-missing", "a DSP call needs Authorization: Bearer <presentation>");
        }
        Optional<Jws.Parsed> outer = Jws.parse(presentation).parsed();
        if (outer.isEmpty() || !TYPE.equals(outer.get().header().path("typ").asText())) {
            return refused("dsp-token-malformed", "the bearer token is not a " + TYPE + " presentation");
        }
        JsonNode claims = outer.get().claims();
        Optional<Jws.Parsed> token =
                Jws.parse(claims.path("access_token").asText(null)).parsed();
        Optional<Jws.Parsed> credential =
                Jws.parse(claims.path("vc").asText(null)).parsed();
        if (token.isEmpty() || credential.isEmpty()) {
            return refused("dsp-token-malformed", "the presentation must carry access_token and vc as JWTs");
        }
        String issuer = token.get().claims().path("iss").asText();
        Optional<TrustedIssuers.IssuerKey> issuerKey = issuers.find(issuer);
        if (issuerKey.isEmpty()) {
            return refused("dsp-token-untrusted-issuer", "issuer " + issuer + " is not trusted here");
        }
        CryptoSuite suite = issuerKey.get().suite();
        if (!signedBy(
                claims.path("access_token").asText(),
                token.get(),
                suite,
                issuerKey.get().key())) {
            return refused("dsp-token-forged", "the access token does not verify with the key of " + issuer);
        }
        long now = clock.instant().getEpochSecond();
        JsonNode t = token.get().claims();
        if (t.path("exp").asLong(0) <= now) {
            return refused("dsp-token-expired", "the access token expired");
        }
        boolean connector = false;
        for (JsonNode role : t.path("roles")) {
            connector |= Role.CONNECTOR.name().equals(role.asText());
        }
        String participantId = t.path("pid").asText();
        if (!connector || participantId.isEmpty()) {
            return refused("dsp-token-forged", "the access token is not a connector's");
        }
        Optional<SigningPublicKey> holderKey =
                Jwk.encodedKey(t.path("cnf").path("jwk"), suite.id()).flatMap(suite::readPublicKey);
        if (holderKey.isEmpty() || !outer.get().verifiedBy(suite, holderKey.get())) {
            return refused(
                    "dsp-token-forged", "the presentation is not signed by the key its access token was issued to");
        }
        if (!trim(audience).equals(claims.path("aud").asText())) {
            return refused(
                    "dsp-token-audience",
                    "the presentation is for " + claims.path("aud").asText() + ", not for " + trim(audience));
        }
        long exp = claims.path("exp").asLong(0);
        if (exp <= now || exp > now + MAX_LIFETIME.toSeconds() + SKEW_SECONDS) {
            return refused("dsp-token-expired", "a presentation lives at most five minutes and must not be expired");
        }
        JsonNode c = credential.get().claims();
        if (!issuer.equals(c.path("iss").asText())
                || !signedBy(
                        claims.path("vc").asText(),
                        credential.get(),
                        suite,
                        issuerKey.get().key())) {
            return refused("dsp-credential-invalid", "the credential is not issued and signed by " + issuer);
        }
        Result<PresentedParticipant> subject = credentialSubject(c, issuer, participantId, now);
        if (!subject.isOk()) {
            return subject;
        }
        if (!Credentials.subjectId(participantId).equals(claims.path("iss").asText())) {
            return refused("dsp-token-forged", "the presentation's iss is not the token's participant");
        }
        String jti = claims.path("jti").asText();
        if (jti.isEmpty() || !firstUse(jti, Instant.ofEpochSecond(exp))) {
            return refused("dsp-token-replayed", "the presentation " + jti + " was used before");
        }
        return subject;
    }

    private static Result<PresentedParticipant> credentialSubject(
            JsonNode c, String issuer, String participantId, long now) {
        if (c.path("exp").asLong(0) <= now) {
            return refused("dsp-credential-invalid", "the credential expired");
        }
        if (!Credentials.subjectId(participantId).equals(c.path("sub").asText())) {
            return refused("dsp-credential-invalid", "the credential is not the token participant's");
        }
        JsonNode subject = c.path("vc").path("credentialSubject");
        Set<String> roles = new HashSet<>();
        subject.path("roles").forEach(r -> roles.add(r.asText()));
        return Result.ok(new PresentedParticipant(
                participantId,
                issuer,
                subject.path("industry").asText(null),
                subject.path("organizationType").asText(null),
                roles));
    }

    /**
     * Whether {@code parsed} (the JWS {@code compact}) verifies with {@code key}. A connector presents the same token
     * and credential with every message until they are renewed, so their signatures are checked once and the result
     * kept (at most {@link #VERIFIED_CACHE} entries, least recently used dropped); every other check is made each time.
     */
    private boolean signedBy(String compact, Jws.Parsed parsed, CryptoSuite suite, SigningPublicKey key) {
        String entry = key.keyId() + "|" + compact;
        synchronized (verified) {
            if (verified.containsKey(entry)) {
                return true;
            }
        }
        if (!parsed.verifiedBy(suite, key)) {
            return false;
        }
        synchronized (verified) {
            verified.put(entry, Boolean.TRUE);
        }
        return true;
    }

    /** Remembers {@code jti} until it expires; false when it was seen before. Bounded: old entries are dropped. */
    private synchronized boolean firstUse(String jti, Instant expires) {
        Instant now = clock.instant();
        // entries arrive in roughly the order they expire: drop expired ones from the oldest end
        var oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (entry.getValue().isAfter(now) && seen.size() < 100_000) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(jti, expires) == null;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static <T> Result<T> refused(String code, String detail) {
        return Result.fail(new Problem(ProblemKind.UNAUTHENTICATED, code, detail));
    }
}
