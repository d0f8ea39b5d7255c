package city.tds.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The data-plane flow tests' calls to a node's API, and their waits for a state reached over the network. */
final class DataPlaneCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataPlaneCalls() {}

    /** {@code method path} on {@code node} with a session token and an optional JSON body. */
    static HttpCall.Response call(TdsNode node, String method, String path, String token, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        return HttpCall.send(request);
    }

    /** The bank's people ask for a transfer in {@code format} under {@code agreementId}; the transfer's id. */
    static String requestTransfer(TdsNode consumer, String token, String agreementId, String format) {
        HttpCall.Response requested = call(
                consumer,
                "POST",
                "/api/v1/contracts/transfers",
                token,
                JSON.createObjectNode().put("agreementId", agreementId).put("format", format));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().path("id").asText();
    }

    /** Transfer {@code id} on {@code node} once it is in {@code state}. */
    static JsonNode awaitTransfer(TdsNode node, String token, String id, String state) {
        return await(
                () -> call(node, "GET", "/api/v1/contracts/transfers/" + id, token, null)
                        .json(),
                t -> t.path("state").asText().equals(state));
    }

    /**
     * Asks until the answer satisfies {@code done} (a state reached over the network), every 20 ms, or fails after
     * 30 s.
     */
    /**
     * Waits until the provider's DSP catalog, as {@code consumer} reads it, offers every product titled {@code titles}
     * (a connector reads its listed products from the space every few seconds).
     */
    static void awaitOffered(TdsNode consumer, String token, TdsNode provider, java.util.List<String> titles) {
        String address = provider.protocol().orElseThrow().selfAddress();
        await(
                () -> call(
                                consumer,
                                "POST",
                                "/api/v1/contracts/catalog-requests",
                                token,
                                JSON.createObjectNode().put("providerUrl", address))
                        .json()
                        .findValuesAsText("dct:title"),
                offered -> offered.containsAll(titles));
    }

    static <T> T await(Supplier<T> ask, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T answer = ask.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 30 s; last answer: " + answer);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a poll, not a wait for the state
            answer = ask.get();
        }
        return answer;
    }
}
