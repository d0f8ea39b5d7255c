package city.tds.dataplane;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A provider's internal HTTP API in a test (the JDK's HTTP server on a free local port): it answers every request under
 * {@code /internal/v1} with a set status and body, and remembers what it was sent.
 */
public final class InternalApi implements AutoCloseable {

    /** One request the API received: method, raw path and query, headers (lower-case names), body. */
    public record Seen(String method, String uri, Map<String, String> headers, byte[] body) {}

    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile String contentType = "application/json";
    public volatile byte[] answer =
            "{\"creditCode\":\"91330100000000001X\",\"score\":87}".getBytes(StandardCharsets.UTF_8);
    /** When set, requests wait for it (up to a minute) before answering: an API that hangs. */
    public volatile CountDownLatch hold;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private InternalApi(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
    }

    public static InternalApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        InternalApi api = new InternalApi(server);
        server.createContext("/internal/v1", api::answer);
        server.start();
        return api;
    }

    /** The API's base URL. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/internal/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT),
                            e -> e.getValue().get(0),
                            (a, b) -> a));
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    headers,
                    exchange.getRequestBody().readAllBytes()));
            CountDownLatch wait = hold;
            if (wait != null) {
                try {
                    wait.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer;
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Set-Cookie", "internal-session=1");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        CountDownLatch wait = hold;
        if (wait != null) {
            wait.countDown();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
