package city.tds.dataplane.api;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.dataplane.source.ApiEndpoint;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a provider's internal API for a consumer's call: the base URL with the call's sub-path and query, the
 * provider's credential added (the consumer's token never goes upstream), within a deadline for the whole answer and
 * a limit on its size. Only the call's method, body, {@code Content-Type} and {@code Accept} are passed on.
 */
public final class UpstreamApi {

    /** The answer a call may bring back at most. */
    public static final int DEFAULT_LIMIT = 16 * 1024 * 1024;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Duration timeout;
    private final int limit;

    public UpstreamApi(HttpClient http, Duration timeout, int limit) {
        this.http = http;
        this.timeout = timeout;
        this.limit = limit;
    }

    /** An HTTP client for internal APIs: connects within 5 s and follows no redirect. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public int limit() {
        return limit;
    }

    Result<ApiAnswer> forward(String source, ApiEndpoint endpoint, ApiCall call) {
        URI target = endpoint.resolve(call.subPath(), call.rawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        if (endpoint.header() != null) {
            request.header(endpoint.header(), endpoint.secret());
        }
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request.build(), info -> new Capped(limit));
        try {
            HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() >= 500) {
                return unavailable(source, "it answered " + response.statusCode());
            }
            return Result.ok(new ApiAnswer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(),
                    0));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return unavailable(source, "it did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TooLarge) {
                return Result.fail(new Problem(
                        ProblemKind.BAD_GATEWAY,
                        "source-answer-too-large",
                        "source " + source + " answered more than " + limit + " bytes, the most a call may return"));
            }
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout, which races with the wait above: the same deadline
                return unavailable(source, "it did not answer within " + timeout.toMillis() + " ms");
            }
            return unavailable(source, "it does not answer: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return unavailable(source, "interrupted");
        }
    }

    private static <T> Result<T> unavailable(String source, String why) {
        return Result.fail(new Problem(
                ProblemKind.BAD_GATEWAY, "source-unavailable", "the API of source " + source + " failed: " + why));
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the answer exceeds the limit", null, false, false);
        }
    }

    /** A body collected up to {@code limit} bytes; more cancels the exchange. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Capped(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (body.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
