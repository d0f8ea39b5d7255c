package city.tds.server.http;

import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.jose.Jwk;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json}: the node's signing key as a JWK Set, for verifiers of its tokens and credentials.
 * Ed25519 is an RFC 8037 {@code OKP} key; SM2 is written as {@code kty EC}, {@code crv SM2} with the point's
 * coordinates (no registered JWK curve name exists for SM2).
 */
public final class JwksRoutes implements ApiRoutes {

    private final Map<String, Object> jwks;

    public JwksRoutes(SigningPublicKey key) {
        this.jwks = Map.of("keys", List.of(Jwk.of(key)));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/.well-known/jwks.json", ctx -> ctx.json(jwks), Access.PUBLIC);
    }
}
