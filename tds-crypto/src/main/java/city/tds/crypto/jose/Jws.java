package city.tds.crypto.jose;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * JWS compact serialization (RFC 7515) over the node's crypto suite.
 *
 * <p>{@code alg} values: {@code EdDSA} (RFC 8037) for Ed25519 in the INTL suite; {@code SM2} in the GM suite, meaning
 * an SM2 signature (GB/T 32918.2) over the JWS signing input with SM3 and the default user id
 * {@code 1234567812345678}, the signature being {@code r || s} (64 bytes), as ES256 encodes its signatures. No other
 * value is accepted, and {@code none} never is.
 */
public final class Jws {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jws() {}

    /** The {@code alg} this suite signs with. */
    public static String algorithm(SuiteId suite) {
        return suite == SuiteId.GM ? "SM2" : "EdDSA";
    }

    /** Signs {@code claims} with a header of {@code alg}, {@code typ} and {@code kid}. */
    public static String sign(CryptoSuite suite, SigningKeyPair key, String type, ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", algorithm(suite.id()));
        header.put("typ", type);
        header.put("kid", key.keyId());
        String input = B64.encodeToString(bytes(header)) + "." + B64.encodeToString(bytes(claims));
        byte[] signature = suite.sign(key, input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature);
    }

    /** A JWS split into its parts, its header and claims parsed, its signature not yet checked. */
    public record Parsed(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

        public String alg() {
            return header.path("alg").asText();
        }

        public String kid() {
            return header.path("kid").asText();
        }

        /** Whether the signature verifies with {@code key} under its suite's algorithm. */
        public boolean verifiedBy(CryptoSuite suite, SigningPublicKey key) {
            return algorithm(suite.id()).equals(alg()) && suite.verify(key, signingInput, signature);
        }
    }

    /**
     * Splits and decodes a compact JWS.
     *
     * @return empty, with the reason, if it is not three base64url parts with JSON objects for header and claims
     */
    public static ParseResult parse(String compact) {
        if (compact == null || compact.length() > 16_384) {
            return ParseResult.malformed("a token must be a compact JWS of at most 16 KiB");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return ParseResult.malformed("a token has three dot-separated parts, this one has " + parts.length);
        }
        try {
            JsonNode header = JSON.readTree(B64D.decode(parts[0]));
            JsonNode claims = JSON.readTree(B64D.decode(parts[1]));
            byte[] signature = B64D.decode(parts[2]);
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return ParseResult.malformed("the token's header and claims must be JSON objects");
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new ParseResult(Optional.of(new Parsed(header, claims, input, signature)), "");
        } catch (IllegalArgumentException e) {
            return ParseResult.malformed("the token is not base64url");
        } catch (java.io.IOException e) {
            return ParseResult.malformed("the token's header or claims are not JSON");
        }
    }

    /** The outcome of {@link #parse}. */
    public record ParseResult(Optional<Parsed> parsed, String problem) {
        static ParseResult malformed(String why) {
            return new ParseResult(Optional.empty(), why);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
