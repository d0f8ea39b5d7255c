package city.tds.server.protocol;

import city.tds.protocol.Dsp;
import city.tds.protocol.negotiation.DspTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Posts DSP messages to other connectors over HTTP, each with a fresh presentation of this connector for the
 * receiver as its bearer token. A 2xx is delivered; 408, 429, 5xx, a TDS receiver's {@code 409
 * dsp-concurrent-change} and I/O failures are worth a retry; any other answer is a refusal.
 */
public final class HttpDspTransport implements DspTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/dsp" + Dsp.VERSION_PATH;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<ConnectorSession> session;

    public HttpDspTransport(Supplier<ConnectorSession> session) {
        this.session = session;
    }

    @Override
    public Delivery post(String url, String message) {
        String presentation;
        try {
            presentation = session.get().presentationFor(audience(url));
        } catch (RuntimeException e) {
            return new Unreachable("cannot present this connector: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + presentation)
                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Delivered(parse(response.body()));
            }
            if (status == 408 || status == 429 || status >= 500 || concurrentChange(status, response.body())) {
                return new Unreachable("HTTP " + status + ": " + abbreviate(response.body()));
            }
            return new Refused(status, abbreviate(response.body()));
        } catch (IOException e) {
            return new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
    }

    /** The DSP base URL of the connector {@code url} is on: the receiver's expected audience. */
    static String audience(String url) {
        int at = url.indexOf(BASE);
        if (at >= 0) {
            return url.substring(0, at + BASE.length());
        }
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * A TDS connector answers {@code 409 dsp-concurrent-change} when the process changed while it handled the message
     * (its own message to the other side crossed this one): the message is fine and is to be sent again.
     */
    static boolean concurrentChange(int status, String body) {
        if (status != 409) {
            return false;
        }
        JsonNode error = parse(body);
        return error != null
                && "dsp-concurrent-change".equals(error.path("code").asText());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 1000 ? body.substring(0, 1000) + "…" : body;
    }
}
