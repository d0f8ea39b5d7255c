package city.tds.server.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A push to a consumer's data endpoint, with the token its transfer request gave: ask where its copy continues, send
 * the data from there, and conclude with the provider's checksum. An {@link IOException} is worth trying again; a
 * {@link Refused} is the consumer's answer and is not.
 */
final class HttpDataPusher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    HttpDataPusher(HttpClient http, URI endpoint, String token) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
    }

    /** The consumer refused the push (a 4xx other than a moved offset). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The consumer's copy: its state and, while it is receiving, the byte it continues from. */
    record Copy(String state, long offset) {
        boolean receiving() {
            return "RECEIVING".equals(state);
        }
    }

    Copy copy() throws IOException, Refused {
        JsonNode body = answer(send(HttpRequest.newBuilder(endpoint).GET()), "GET");
        return new Copy(body.path("state").asText(), body.path("offset").asLong());
    }

    /**
     * Sends {@code data} from byte {@code offset}; false if the consumer's copy continues elsewhere (ask again with
     * {@link #copy()}).
     */
    boolean send(long offset, String mediaType, InputStream data) throws IOException, Refused {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(endpoint + "?offset=" + offset))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> data));
        HttpResponse<String> response = send(put);
        if (response.statusCode() == 409 && response.body().contains("push-offset")) {
            return false;
        }
        answer(response, "PUT");
        return true;
    }

    /** Gives the consumer the provider's checksum; the copy's state after it compared. */
    String conclude(String digest) throws IOException, Refused {
        String body = JSON.createObjectNode().put("digest", digest).toString();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(endpoint + "/checksum"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return answer(send(post), "POST").path("state").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(
                    request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The JSON of a 200; a 4xx is a refusal, anything else a failure worth trying again. */
    private static JsonNode answer(HttpResponse<String> response, String method) throws IOException, Refused {
        int status = response.statusCode();
        if (status == 200) {
            return JSON.readTree(response.body());
        }
        String problem = HttpDataFetcher.problem(response.body());
        boolean busy = status == 409 && response.body().contains("copy-busy");
        if (status >= 400 && status < 500 && !busy) {
            throw new Refused("the consumer answered " + method + " with " + status + ": " + problem);
        }
        throw new IOException("the consumer answered " + method + " with " + status + ": " + problem);
    }
}
