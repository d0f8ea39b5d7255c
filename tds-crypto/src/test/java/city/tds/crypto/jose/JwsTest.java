package city.tds.crypto.jose;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.crypto.IntlSuite;
import city.tds.crypto.SigningKeyPair;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JwsTest {

    static List<CryptoSuite> suites() {
        return List.of(new GmSuite(new SecureRandom()), new IntlSuite(new SecureRandom()));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aSignedTokenVerifiesAndCarriesItsHeaderAndClaims(CryptoSuite suite) {
        SigningKeyPair key = suite.generateSigningKeyPair();
        String jwt = Jws.sign(
                suite, key, "JWT", new ObjectMapper().createObjectNode().put("sub", "p-1"));

        Jws.Parsed parsed = Jws.parse(jwt).parsed().orElseThrow();
        assertThat(parsed.alg()).isEqualTo(suite.id().name().equals("GM") ? "SM2" : "EdDSA");
        assertThat(parsed.kid()).isEqualTo(key.keyId());
        assertThat(parsed.claims().path("sub").asText()).isEqualTo("p-1");
        assertThat(parsed.verifiedBy(suite, key.publicKey())).isTrue();
        assertThat(parsed.verifiedBy(suite, suite.generateSigningKeyPair().publicKey()))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void changedClaimsAnAlgNoneHeaderOrGarbageAreRefused(CryptoSuite suite) {
        SigningKeyPair key = suite.generateSigningKeyPair();
        String jwt = Jws.sign(
                suite, key, "JWT", new ObjectMapper().createObjectNode().put("sub", "p-1"));
        String[] parts = jwt.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

        String forgedClaims = parts[0] + "." + b64.encodeToString("{\"sub\":\"p-2\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(Jws.parse(forgedClaims).parsed().orElseThrow().verifiedBy(suite, key.publicKey()))
                .isFalse();

        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertThat(Jws.parse(none).parsed().orElseThrow().verifiedBy(suite, key.publicKey()))
                .isFalse();

        assertThat(Jws.parse("a.b").problem()).contains("three");
        assertThat(Jws.parse("!!!.###.$$$").problem()).contains("base64url");
        assertThat(Jws.parse(b64.encodeToString("[1]".getBytes()) + "." + parts[1] + "." + parts[2])
                        .problem())
                .contains("JSON objects");
        assertThat(Jws.parse(null).problem()).contains("compact JWS");
    }
}
