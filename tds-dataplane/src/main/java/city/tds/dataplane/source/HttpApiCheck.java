package city.tds.dataplane.source;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an HTTP API source when it is registered: an http or https base URL without user-info, query or fragment
 * (a credential goes in the header, where it is sealed), a header name that may carry the credential, and an API that
 * answers a GET of the base URL with that credential (any status below 500).
 */
final class HttpApiCheck {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** Headers the connector sets itself, or that the HTTP client does not let a caller set. */
    private static final Set<String> RESERVED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "te", "trailer");

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;

    HttpApiCheck(HttpClient http) {
        this.http = http;
    }

    Result<SourceDefinition> check(SourceRequest request, Instant at, String by) {
        Result<URI> base = base(request.location());
        if (!base.isOk()) {
            return Result.fail(base.problem());
        }
        if ((request.user() == null) != (request.password() == null)) {
            return invalid(
                    "source-credential-invalid",
                    "an HTTP API's credential is a header name (user) and its value (password): both or neither");
        }
        if (request.user() != null
                && (!HEADER_NAME.matcher(request.user()).matches()
                        || RESERVED.contains(request.user().toLowerCase(Locale.ROOT)))) {
            return invalid(
                    "source-credential-invalid",
                    "user must be the name of the header that carries the credential, e.g. X-Api-Key; got "
                            + request.user());
        }
        if (request.password() != null
                && (request.password().isEmpty()
                        || request.password().length() > 4000
                        || request.password().chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            return invalid(
                    "source-credential-invalid",
                    "the credential's value is 1 to 4000 characters, no control characters");
        }
        HttpRequest.Builder probe =
                HttpRequest.newBuilder(base.value()).timeout(TIMEOUT).GET();
        if (request.user() != null) {
            probe.header(request.user(), request.password());
        }
        try {
            int status = http.send(probe.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status >= 500) {
                return invalid("source-unreachable", "the API at " + base.value() + " answered " + status);
            }
        } catch (IOException e) {
            return invalid("source-unreachable", "the API at " + base.value() + " does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return invalid("source-unreachable", "interrupted while asking the API at " + base.value());
        }
        return Result.ok(new SourceDefinition(
                request.name(),
                SourceKind.HTTP_API,
                base.value().toString(),
                null,
                request.user(),
                request.password() != null,
                at,
                by));
    }

    private static Result<URI> base(String location) {
        if (location == null || location.isBlank() || location.length() > 2000) {
            return invalid("source-url-invalid", "an HTTP API source's location is its base URL, http or https");
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return invalid("source-url-invalid", "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return invalid(
                    "source-url-unsupported",
                    "an HTTP API source is reached over http or https; got " + (scheme == null ? location : scheme));
        }
        if (uri.getHost() == null || uri.isOpaque()) {
            return invalid("source-url-invalid", "the base URL names no host: " + location);
        }
        if (uri.getRawUserInfo() != null) {
            return invalid(
                    "source-url-invalid", "the base URL may not carry user-info; give the credential as a header");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return invalid(
                    "source-url-invalid",
                    "the base URL has no query or fragment (a call's own path and query are appended to it)");
        }
        return Result.ok(uri);
    }

    private static <T> Result<T> invalid(String code, String detail) {
        return Result.fail(Problem.invalidInput(code, detail));
    }
}
