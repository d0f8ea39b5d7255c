package city.tds.server.dataplane;

import city.tds.dataplane.received.DataFetcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A pull from a provider's data endpoint, with the transfer's access token, from any byte offset. */
final class HttpDataFetcher implements DataFetcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    HttpDataFetcher(HttpClient http, URI endpoint, String token) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(CONNECT).build();
    }

    @Override
    public InputStream open(long offset) throws IOException {
        HttpResponse<InputStream> response =
                send(URI.create(endpoint + "?offset=" + offset), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(4000), StandardCharsets.UTF_8);
            }
            throw new IOException("the provider answered " + response.statusCode() + ": " + problem(body));
        }
        return response.body();
    }

    @Override
    public String providerChecksum() throws IOException {
        HttpResponse<String> response = send(URI.create(endpoint + "/checksum"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the provider answered " + response.statusCode() + ": " + problem(response.body()));
        }
        return JSON.readTree(response.body()).path("digest").asText();
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("type").asText() + " " + problem.path("detail").asText();
        } catch (IOException notJson) {
            return body;
        }
    }
}
