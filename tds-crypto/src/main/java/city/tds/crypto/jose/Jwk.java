package city.tds.crypto.jose;

import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Public signing keys as JWKs (RFC 7517): Ed25519 as an RFC 8037 {@code OKP} key; SM2 as {@code kty EC}, {@code crv
 * SM2} with the point's coordinates (no JWK curve name is registered for SM2).
 */
public final class Jwk {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jwk() {}

    /** {@code key} as a JWK with its {@code kid}, {@code alg} and {@code use sig}. */
    public static ObjectNode of(SigningPublicKey key) {
        ObjectNode jwk = JsonNodeFactory.instance.objectNode();
        byte[] encoded = key.encoded();
        if (key.suite() == SuiteId.GM) {
            jwk.put("kty", "EC");
            jwk.put("crv", "SM2");
            jwk.put("x", B64.encodeToString(Arrays.copyOfRange(encoded, 1, 33)));
            jwk.put("y", B64.encodeToString(Arrays.copyOfRange(encoded, 33, 65)));
        } else {
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", B64.encodeToString(encoded));
        }
        jwk.put("kid", key.keyId());
        jwk.put("alg", Jws.algorithm(key.suite()));
        jwk.put("use", "sig");
        return jwk;
    }

    /**
     * The key's bytes in the suite's encoding (an uncompressed SM2 point, or 32 Ed25519 bytes), if {@code jwk} is a key
     * of {@code suite}; empty for a key of another suite or a malformed one.
     */
    public static Optional<byte[]> encodedKey(JsonNode jwk, SuiteId suite) {
        try {
            if (suite == SuiteId.GM
                    && "EC".equals(jwk.path("kty").asText())
                    && "SM2".equals(jwk.path("crv").asText())) {
                byte[] x = B64D.decode(jwk.path("x").asText());
                byte[] y = B64D.decode(jwk.path("y").asText());
                if (x.length != 32 || y.length != 32) {
                    return Optional.empty();
                }
                byte[] point = new byte[65];
                point[0] = 0x04;
                System.arraycopy(x, 0, point, 1, 32);
                System.arraycopy(y, 0, point, 33, 32);
                return Optional.of(point);
            }
            if (suite == SuiteId.INTL
                    && "OKP".equals(jwk.path("kty").asText())
                    && "Ed25519".equals(jwk.path("crv").asText())) {
                byte[] x = B64D.decode(jwk.path("x").asText());
                return x.length == 32 ? Optional.of(x) : Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
