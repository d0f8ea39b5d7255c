package city.tds.server.protocol;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.crypto.jose.Jws;
import city.tds.identity.TrustedIssuers;
import city.tds.server.http.Authenticator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The management API of a connector node that is not a space node: it accepts the access tokens of its own space
 * (RFC 9068 JWTs signed with the space's key) for people and machines of its own participant. Locks, suspensions and
 * revocations are the space's to enforce when it issues tokens; here a token holds until it expires (15 minutes by
 * default).
 */
public final class SpaceTokenAuthenticator implements Authenticator {

    private final ProtocolAssembly protocol;
    private final Clock clock;

    public SpaceTokenAuthenticator(ProtocolAssembly protocol, Clock clock) {
        this.protocol = protocol;
        this.clock = clock;
    }

    @Override
    public Result<Principal> authenticate(String bearerToken) {
        Optional<ProtocolAssembly.Joined> joined = protocol.joined();
        if (joined.isEmpty()) {
            return refused("no-token-issuer", "this connector has not joined a space; it accepts no tokens yet");
        }
        Optional<Jws.Parsed> parsed = Jws.parse(bearerToken).parsed();
        if (parsed.isEmpty()
                || !"at+jwt".equals(parsed.get().header().path("typ").asText())) {
            return refused("malformed-token", "the bearer token is not an access token of the space");
        }
        JsonNode claims = parsed.get().claims();
        ConnectorMembership membership = joined.get().session().membership();
        // only the connector's own space issues tokens for its management API, not the spaces it trusts for DSP
        TrustedIssuers.IssuerKey space = joined.get().session().ownSpace();
        if (!membership.issuer().equals(claims.path("iss").asText())
                || !parsed.get().verifiedBy(space.suite(), space.key())) {
            return refused("forged-token", "the token is not signed by this connector's space " + membership.issuer());
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        if (!expires.isAfter(clock.instant())) {
            return refused("token-expired", "the access token expired");
        }
        String participant = claims.path("pid").asText(null);
        if (!membership.participantId().equals(participant)) {
            return Result.fail(new Problem(
                    ProblemKind.FORBIDDEN,
                    "participant-refused",
                    "this connector acts for participant " + membership.participantId() + " only"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : claims.path("roles")) {
            try {
                roles.add(Role.valueOf(role.asText()));
            } catch (IllegalArgumentException unknown) {
                // a role this node does not know grants nothing here
            }
        }
        return Result.ok(new Principal(
                claims.path("sub").asText(),
                participant,
                roles,
                claims.path("jti").asText(),
                expires));
    }

    private static Result<Principal> refused(String code, String detail) {
        return Result.fail(new Problem(ProblemKind.UNAUTHENTICATED, code, detail));
    }
}
