package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.jose.Jwk;
import city.tds.crypto.jose.Jws;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Access tokens (RFC 9068 JWT profile, {@code typ at+jwt}) signed with the space node's key, so that any node that
 * trusts the space can check them; refresh tokens (opaque, single use, stored hashed); and the exchange of a
 * connector's signed client assertion for a token (RFC 7523).
 *
 * <p>Verifying a token checks its signature once and keeps the result for the token's life in a bounded cache; every
 * use still checks the expiry and whether the user is locked or the participant suspended or revoked.
 */
public final class AccessTokens {

    public static final String TOKEN_PATH = "/api/v1/auth/token";
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);
    private static final int CACHE = 10_000;

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final SigningKeyPair key;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final StatusCache status;
    private final Map<String, Principal> verified = new LinkedHashMap<>(CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Principal> eldest) {
            return size() > CACHE;
        }
    };

    AccessTokens(
            IdentityStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            SigningKeyPair key,
            IdGenerator ids,
            Clock clock,
            IdentitySettings settings,
            StatusCache status) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.status = status;
    }

    /** What a login or token exchange returns. */
    public record Grant(String accessToken, String refreshToken, long expiresIn, Principal principal) {}

    /** Issues an access token (and a refresh token) for a user who just proved who they are. */
    public Grant forUser(UserAccount user) {
        Principal principal = principal(user.id(), user.participantId(), user.roles());
        String refresh = Tokens.randomToken();
        unitOfWork.run(tx -> store.insertRefreshToken(
                Tokens.hash(refresh), user.id(), clock.instant().plus(settings.refreshTokenLifetime())));
        return new Grant(
                sign(principal), refresh, settings.accessTokenLifetime().toSeconds(), principal);
    }

    /** Exchanges a refresh token, once, for a new access token and refresh token. */
    public Result<Grant> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Result.fail(unauthenticated("invalid-refresh-token", "refreshToken is required"));
        }
        Optional<String> userId =
                unitOfWork.inTransaction(tx -> store.useRefreshToken(Tokens.hash(refreshToken), clock.instant()));
        if (userId.isEmpty()) {
            return Result.fail(
                    unauthenticated("invalid-refresh-token", "the refresh token is unknown, expired or already used"));
        }
        UserAccount user = store.user(userId.get()).orElseThrow();
        if (status.userLocked(user.id())
                || (user.participantId() != null && status.participantRefused(user.participantId()))) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN, "access-refused", "the account is locked or its participant refused"));
        }
        return Result.ok(forUser(user));
    }

    /**
     * RFC 7523: a connector proves possession of its registered key with a JWT it signed ({@code iss} = {@code sub} =
     * its client id, {@code aud} = this token endpoint, a {@code jti} never used before, {@code exp} at most five
     * minutes ahead) and gets an access token with the {@link Role#CONNECTOR} role.
     */
    public Result<Grant> forClientAssertion(String assertion) {
        Jws.ParseResult parsed = Jws.parse(assertion);
        if (parsed.parsed().isEmpty()) {
            return Result.fail(unauthenticated("invalid-client-assertion", parsed.problem()));
        }
        Jws.Parsed jwt = parsed.parsed().get();
        JsonNode claims = jwt.claims();
        String clientId = claims.path("iss").asText();
        if (clientId.isEmpty() || !clientId.equals(claims.path("sub").asText())) {
            return Result.fail(unauthenticated("invalid-client-assertion", "iss and sub must both be the client id"));
        }
        Optional<ClientKey> client = store.client(clientId);
        if (client.isEmpty()) {
            return Result.fail(unauthenticated("unknown-client", "no client " + clientId));
        }
        Optional<SigningPublicKey> clientKey =
                suite.readPublicKey(Base64.getDecoder().decode(client.get().publicKey()));
        if (clientKey.isEmpty() || !jwt.verifiedBy(suite, clientKey.get())) {
            return Result.fail(unauthenticated(
                    "invalid-client-assertion", "the assertion is not signed with the client's registered key"));
        }
        String audience = settings.issuer() + TOKEN_PATH;
        JsonNode aud = claims.path("aud");
        boolean forUs = audience.equals(aud.asText());
        for (JsonNode a : aud) {
            forUs |= audience.equals(a.asText());
        }
        if (!forUs) {
            return Result.fail(unauthenticated("invalid-client-assertion", "aud must be " + audience));
        }
        Instant now = clock.instant();
        Instant exp = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (!exp.isAfter(now) || exp.isAfter(now.plus(MAX_ASSERTION_LIFETIME).plusSeconds(30))) {
            return Result.fail(unauthenticated(
                    "invalid-client-assertion", "exp must be in the future and at most five minutes ahead"));
        }
        String jti = claims.path("jti").asText();
        if (jti.isEmpty() || jti.length() > 200) {
            return Result.fail(unauthenticated("invalid-client-assertion", "jti is required"));
        }
        if (!unitOfWork.inTransaction(tx -> store.rememberAssertion(jti, exp, now))) {
            return Result.fail(
                    unauthenticated("replayed-client-assertion", "the assertion " + jti + " was used before"));
        }
        String participantId = client.get().participantId();
        if (status.participantRefused(participantId)) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN, "participant-refused", "participant " + participantId + " is refused"));
        }
        Principal principal = principal(clientId, participantId, EnumSet.of(Role.CONNECTOR));
        return Result.ok(new Grant(
                sign(principal, clientKey.get()),
                null,
                settings.accessTokenLifetime().toSeconds(),
                principal));
    }

    /** Checks a bearer token and returns who it names, or why it is refused. */
    public Result<Principal> verify(String token) {
        Principal principal;
        synchronized (verified) {
            principal = verified.get(token);
        }
        if (principal == null) {
            Result<Principal> checked = verifySignatureAndClaims(token);
            if (!checked.isOk()) {
                return checked;
            }
            principal = checked.value();
            synchronized (verified) {
                verified.put(token, principal);
            }
        }
        if (!principal.expiresAt().isAfter(clock.instant())) {
            return Result.fail(
                    unauthenticated("token-expired", "the access token expired at " + principal.expiresAt()));
        }
        if (principal.participantId() != null && status.participantRefused(principal.participantId())) {
            return Result.fail(unauthenticated(
                    "participant-refused",
                    "participant " + principal.participantId() + " is suspended or its credential revoked"));
        }
        if (status.userLocked(principal.subject())) {
            return Result.fail(unauthenticated("account-locked", "the account is locked"));
        }
        return Result.ok(principal);
    }

    /** The uncached part of {@link #verify}: parse, signature, issuer, type and times. */
    public Result<Principal> verifySignatureAndClaims(String token) {
        Jws.ParseResult parsed = Jws.parse(token);
        if (parsed.parsed().isEmpty()) {
            return Result.fail(unauthenticated("malformed-token", parsed.problem()));
        }
        Jws.Parsed jwt = parsed.parsed().get();
        if (!"at+jwt".equals(jwt.header().path("typ").asText())) {
            return Result.fail(unauthenticated("malformed-token", "not an access token (typ must be at+jwt)"));
        }
        if (!jwt.kid().equals(key.keyId()) || !jwt.verifiedBy(suite, key.publicKey())) {
            return Result.fail(unauthenticated("forged-token", "the token is not signed by this space"));
        }
        JsonNode claims = jwt.claims();
        if (!settings.issuer().equals(claims.path("iss").asText())) {
            return Result.fail(unauthenticated("forged-token", "the token was issued by " + claims.path("iss")));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : claims.path("roles")) {
            try {
                roles.add(Role.valueOf(role.asText()));
            } catch (IllegalArgumentException e) {
                return Result.fail(unauthenticated("malformed-token", "unknown role " + role.asText()));
            }
        }
        String participant = claims.hasNonNull("pid") ? claims.get("pid").asText() : null;
        return Result.ok(new Principal(
                claims.path("sub").asText(),
                participant,
                roles,
                claims.path("jti").asText(),
                Instant.ofEpochSecond(claims.path("exp").asLong(0))));
    }

    private Principal principal(String subject, String participantId, Set<Role> roles) {
        Instant expires = clock.instant().plus(settings.accessTokenLifetime());
        return new Principal(
                subject, participantId, roles, ids.newId(), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    private String sign(Principal p) {
        return sign(p, null);
    }

    /**
     * A connector's token carries its key as RFC 7800 {@code cnf.jwk}, so that another connector can check that a
     * presentation wrapping the token was signed by the connector it was issued to ({@link ConnectorPresentations}).
     */
    private String sign(Principal p, SigningPublicKey confirmationKey) {
        ObjectNode claims = IdentityEvidence.payload();
        if (confirmationKey != null) {
            claims.putObject("cnf").set("jwk", Jwk.of(confirmationKey));
        }
        claims.put("iss", settings.issuer());
        claims.put("sub", p.subject());
        claims.put("aud", settings.issuer());
        if (p.participantId() != null) {
            claims.put("pid", p.participantId());
        }
        ArrayNode roles = claims.putArray("roles");
        p.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        claims.put("jti", p.tokenId());
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("exp", p.expiresAt().getEpochSecond());
        return Jws.sign(suite, key, "at+jwt", claims);
    }

    private static Problem unauthenticated(String code, String detail) {
        return new Problem(ProblemKind.UNAUTHENTICATED, code, detail);
    }
}
