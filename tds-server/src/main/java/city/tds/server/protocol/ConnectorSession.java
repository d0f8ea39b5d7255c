package city.tds.server.protocol;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.jose.Jwk;
import city.tds.crypto.jose.Jws;
import city.tds.identity.ConnectorPresentations;
import city.tds.identity.TrustedIssuers;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A connector's standing with its space: its access token (from a client assertion signed with the node key, renewed
 * a minute before it expires), its membership credential, and the space's signing key (from its JWKS). Presentations
 * for other connectors are made from them. Thread-safe; each is fetched on first need and cached.
 */
public final class ConnectorSession implements TrustedIssuers {

    private static final long RENEW_BEFORE_SECONDS = 60;

    private final ConnectorMembership membership;
    private final CryptoSuite suite;
    private final SigningKeyPair key;
    private final Clock clock;
    private final SpaceClient space;

    private String token;
    private long tokenExpires;
    private String credential;
    private long credentialExpires;
    private SigningPublicKey spaceKey;

    public ConnectorSession(ConnectorMembership membership, CryptoSuite suite, SigningKeyPair key, Clock clock) {
        this.membership = membership;
        this.suite = suite;
        this.key = key;
        this.clock = clock;
        this.space = new SpaceClient(membership.spaceUrl());
    }

    public ConnectorMembership membership() {
        return membership;
    }

    /** A presentation of this connector for the connector whose DSP base URL is {@code audience}. */
    public String presentationFor(String audience) {
        return ConnectorPresentations.present(
                suite,
                key,
                membership.participantId(),
                accessToken(),
                credential(),
                audience,
                "urn:uuid:" + UUID.randomUUID(),
                clock.instant());
    }

    /** Trusts this connector's space (the trust list of other spaces comes with federation). */
    @Override
    public Optional<IssuerKey> find(String issuer) {
        return issuer.equals(membership.issuer()) ? Optional.of(new IssuerKey(suite, spaceKey())) : Optional.empty();
    }

    synchronized String accessToken() {
        long now = clock.instant().getEpochSecond();
        if (token == null || tokenExpires - RENEW_BEFORE_SECONDS <= now) {
            token = space.connectorToken(suite, key, membership.clientId(), clock);
            tokenExpires = expiry(token);
        }
        return token;
    }

    synchronized String credential() {
        long now = clock.instant().getEpochSecond();
        if (credential == null || credentialExpires - RENEW_BEFORE_SECONDS <= now) {
            JsonNode issued = space.get(
                            "/api/v1/participants/" + membership.participantId() + "/credential", accessToken())
                    .expect(200);
            credential = issued.path("jwt").asText();
            credentialExpires = expiry(credential);
        }
        return credential;
    }

    synchronized SigningPublicKey spaceKey() {
        if (spaceKey == null) {
            JsonNode jwk = space.get("/.well-known/jwks.json", null)
                    .expect(200)
                    .path("keys")
                    .path(0);
            spaceKey = Jwk.encodedKey(jwk, suite.id())
                    .flatMap(suite::readPublicKey)
                    .orElseThrow(() -> new IllegalStateException(
                            "the space " + membership.issuer() + " publishes no " + suite.id() + " key"));
        }
        return spaceKey;
    }

    private static long expiry(String jwt) {
        return Jws.parse(jwt)
                .parsed()
                .map(p -> p.claims().path("exp").asLong(0))
                .orElse(Instant.EPOCH.getEpochSecond());
    }
}
