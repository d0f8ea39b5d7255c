package city.tds.server.identity;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningKeyPair;
import city.tds.crypto.jose.Jws;
import city.tds.identity.AccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A client of a space node's identity API, as a participant's tooling (or the demo) uses it: apply, log in, review,
 * get a connector token with a signed client assertion.
 */
public final class SpaceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI space;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SpaceClient(URI space) {
        this.space = space;
    }

    /** A response: status and JSON body. */
    public record Reply(int status, JsonNode body) {
        public JsonNode expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException("expected " + wanted + " but got " + status + ": " + body);
            }
            return body;
        }
    }

    public Reply post(String path, String token, JsonNode body) {
        return send(path, token, "POST", "application/json", body.toString());
    }

    public Reply put(String path, String token, JsonNode body) {
        return send(path, token, "PUT", "application/json", body.toString());
    }

    public Reply get(String path, String token) {
        return send(path, token, "GET", null, HttpRequest.BodyPublishers.noBody());
    }

    /** Sends {@code content} as the raw body, e.g. a document upload. */
    public Reply upload(String path, String token, String contentType, byte[] content) {
        return send(path, token, "POST", contentType, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    /** Logs in and returns the access token. */
    public String login(String username, String password) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
        return post("/api/v1/auth/login", null, body)
                .expect(200)
                .path("accessToken")
                .asText();
    }

    /** A connector's access token, from a client assertion signed with its key (RFC 7523). */
    public String connectorToken(CryptoSuite suite, SigningKeyPair key, String clientId, Clock clock) {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", space + AccessTokens.TOKEN_PATH)
                .put("jti", UUID.randomUUID().toString())
                .put("exp", clock.instant().plusSeconds(120).getEpochSecond());
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + Jws.sign(suite, key, "JWT", claims);
        return send(AccessTokens.TOKEN_PATH, null, "POST", "application/x-www-form-urlencoded", form)
                .expect(200)
                .path("accessToken")
                .asText();
    }

    private Reply send(String path, String token, String method, String contentType, String body) {
        return send(
                path,
                token,
                method,
                contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private Reply send(String path, String token, String method, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(space.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = response.body().isEmpty()
                    ? JSON.nullNode()
                    : type.contains("json")
                            ? JSON.readTree(response.body())
                            : JSON.getNodeFactory().textNode(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + space + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
