package city.tds.server.dataplane;

import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The data-plane flow tests' calls to a node's API, and their waits for a state reached over the network. */
final class DataPlaneCalls {

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

    /**
     * Asks until the answer satisfies {@code done} (a state reached over the network), every 20 ms, or fails after
     * 30 s.
     */
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
