package city.tds.server.http;

import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.crypto.jose.Jws;
import io.javalin.config.RoutesConfig;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
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
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> jwk = new LinkedHashMap<>();
        byte[] encoded = key.encoded();
        if (key.suite() == SuiteId.GM) {
            jwk.put("kty", "EC");
            jwk.put("crv", "SM2");
            jwk.put("x", b64.encodeToString(Arrays.copyOfRange(encoded, 1, 33)));
            jwk.put("y", b64.encodeToString(Arrays.copyOfRange(encoded, 33, 65)));
        } else {
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", b64.encodeToString(encoded));
        }
        jwk.put("kid", key.keyId());
        jwk.put("alg", Jws.algorithm(key.suite()));
        jwk.put("use", "sig");
        this.jwks = Map.of("keys", List.of(jwk));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/.well-known/jwks.json", ctx -> ctx.json(jwks), Access.PUBLIC);
    }
}
