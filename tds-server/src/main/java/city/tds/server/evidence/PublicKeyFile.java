package city.tds.server.evidence;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningPublicKey;
import city.tds.server.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A log's public key as an auditor keeps it: either {@code {"publicKey": "<base64>"}} or the node description from
 * {@code GET /api/v1/node}, saved as it is.
 */
public final class PublicKeyFile {

    private PublicKeyFile() {}

    public static SigningPublicKey read(Path file, CryptoSuite suite) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("公钥文件无法读取 / cannot read public key file " + file + ": " + e.getMessage());
        }
        JsonNode key = json.has("signingKey") ? json.path("signingKey").path("publicKey") : json.path("publicKey");
        if (key.isObject()) {
            key = key.path("publicKey");
        }
        try {
            byte[] encoded = Base64.getDecoder().decode(key.asText());
            return suite.readPublicKey(encoded)
                    .orElseThrow(() ->
                            new ConfigException("公钥无效 / " + file + " does not hold a " + suite.id() + " public key"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("公钥无效 / the publicKey in " + file + " is not base64");
        }
    }
}
