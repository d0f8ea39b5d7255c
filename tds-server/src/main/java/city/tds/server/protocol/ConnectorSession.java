package city.tds.server.protocol;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.crypto.jose.Jwk;
import city.tds.crypto.jose.Jws;
import city.tds.identity.ConnectorPresentations;
import city.tds.identity.TrustedIssuers;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.server.identity.SpaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector's standing with its space: its access token (from a client assertion signed with the node key, renewed
 * a minute before it expires), its membership credential, the space's signing key (from its JWKS) and the space's
 * trust list of other spaces (read every minute). Presentations for other connectors are made from the first two;
 * presentations from other connectors are accepted from the space and the spaces on its trust list. Thread-safe; each
 * is fetched on first need and cached.
 */
public final class ConnectorSession implements TrustedIssuers {

    private static final long RENEW_BEFORE_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSession.class);
    /** How long the space's trust list is used before it is read again (a removed issuer stops within this). */
    static final Duration TRUST_LIST_LIFE = Duration.ofSeconds(60);

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
    private Map<String, IssuerKey> otherSpaces = Map.of();
    private Instant otherSpacesRead;

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

    /**
     * This connector's space, and the spaces on its trust list (跨空间互信: a space's security administrator adds them,
     * with their suite and key). The trust list is read from the space at most every {@link #TRUST_LIST_LIFE}; if
     * the space cannot be read, the list last read stays in use.
     */
    @Override
    public Optional<IssuerKey> find(String issuer) {
        if (issuer.equals(membership.issuer())) {
            return Optional.of(ownSpace());
        }
        return Optional.ofNullable(otherSpaces().get(issuer));
    }

    /** The key of this connector's own space: the only issuer of tokens for its management API. */
    public IssuerKey ownSpace() {
        return new IssuerKey(suite, spaceKey());
    }

    private synchronized Map<String, IssuerKey> otherSpaces() {
        Instant now = clock.instant();
        if (otherSpacesRead != null && otherSpacesRead.plus(TRUST_LIST_LIFE).isAfter(now)) {
            return otherSpaces;
        }
        otherSpacesRead = now;
        try {
            Map<String, IssuerKey> read = new HashMap<>();
            for (JsonNode entry : space.get("/api/v1/trust/issuers", null).expect(200)) {
                String issuer = entry.path("issuerId").asText();
                Optional<SuiteId> id = SuiteId.parse(entry.path("suite").asText());
                if (issuer.isEmpty() || issuer.equals(membership.issuer()) || id.isEmpty()) {
                    continue;
                }
                CryptoSuite theirs = id.get() == suite.id() ? suite : CryptoSuites.create(id.get(), new SecureRandom());
                theirs.readPublicKey(Base64.getDecoder()
                                .decode(entry.path("publicKey").asText()))
                        .ifPresent(key -> read.put(issuer, new IssuerKey(theirs, key)));
            }
            otherSpaces = Map.copyOf(read);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the trust list of {}; keeping the one read before", membership.issuer(), e);
        }
        return otherSpaces;
    }

    /** This connector's current access token at its space (renewed before it expires), for calls to the space. */
    public synchronized String accessToken() {
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

    /**
     * This connector's participant as its own credential describes it (industry, organisation type, roles): the
     * recipient facts its usage of received data is decided with.
     */
    public Counterparty asRecipient() {
        JsonNode subject = Jws.parse(credential())
                .parsed()
                .map(p -> p.claims().path("vc").path("credentialSubject"))
                .orElseThrow(() -> new IllegalStateException("this connector's credential cannot be read"));
        Set<String> roles = new HashSet<>();
        subject.path("roles").forEach(r -> roles.add(r.asText()));
        return new Counterparty(
                membership.participantId(),
                subject.path("industry").asText(null),
                subject.path("organizationType").asText(null),
                roles);
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
