package city.tds.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.identity.Role;
import city.tds.server.http.RouteInfo;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.SpaceFixture;
import city.tds.server.testkit.TestNodes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route the node registers, with no token, with a forged token, and with a token of every role, and
 * checks that exactly the callers the route's declared access allows get past the access check (anything but 401 and
 * 403), generated from the route table so that a new route cannot be forgotten. Also checks that the OpenAPI
 * document declares the same access for each operation.
 */
class AccessMatrixTest {

    @TempDir
    static Path dir;

    private static final java.util.Set<String> ACCESS_CHECK_CODES = java.util.Set.of(
            "authentication-required",
            "forbidden",
            "malformed-token",
            "forged-token",
            "token-expired",
            "participant-refused",
            "account-locked");

    private static TdsNode node;
    private static SpaceFixture space;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        node = TestNodes.start(dir.resolve("space"), "matrix");
        space = new SpaceFixture(node);
        for (Role role : Role.values()) {
            TOKENS.put(role, space.tokenFor(role));
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyRouteAllowsExactlyItsDeclaredRoles() {
        List<String> wrong = new ArrayList<>();
        for (RouteInfo route : node.routes()) {
            String path = route.path()
                    .replace("{id}", "01a00000-0000-7000-8000-000000000000")
                    .replace("{documentId}", "01a00000-0000-7000-8000-000000000001")
                    .replace("{seq}", "0")
                    .replace("{name}", "no-such-source")
                    .replace("{path}", "no/such/path")
                    .replace("{version}", "1")
                    .replace("{attachmentId}", "01a00000-0000-7000-8000-000000000002")
                    .replace("{objectionId}", "01a00000-0000-7000-8000-000000000003");
            check(route, path, Optional.empty(), route.access().isPublic(), wrong);
            check(route, path, Optional.of("forged.token.here"), route.access().isPublic(), wrong);
            for (Role role : Role.values()) {
                boolean allowed =
                        route.access().isPublic() || route.access().roles().contains(role);
                check(route, path, Optional.of(TOKENS.get(role)), allowed, wrong);
            }
        }
        assertThat(wrong)
                .as("routes whose access check disagrees with their declaration")
                .isEmpty();
        assertThat(node.routes()).hasSizeGreaterThan(30);
    }

    @Test
    void theOpenApiDocumentDeclaresTheSameAccessAsTheCode() {
        OpenApiDocument openApi = OpenApiDocument.bundled();
        for (RouteInfo route : node.routes()) {
            String declared = openApi.root()
                    .path("paths")
                    .path(route.path())
                    .path(route.method().toLowerCase(Locale.ROOT))
                    .path("x-tds-access")
                    .asText();
            assertThat(declared)
                    .as("x-tds-access of %s %s", route.method(), route.path())
                    .isEqualTo(route.access().toString());
        }
    }

    private static void check(RouteInfo route, String path, Optional<String> token, boolean allowed, List<String> out) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        String body = route.path().equals("/api/v1/auth/token") ? "" : "{}";
        String type =
                route.path().equals("/api/v1/auth/token") ? "application/x-www-form-urlencoded" : "application/json";
        switch (route.method()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default ->
                request.header("Content-Type", type).method(route.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        HttpCall.Response response = HttpCall.send(request);
        // refusals by the access check itself, as opposed to a handler refusing the (empty) body it was given
        boolean refusedByAccessCheck = (response.status() == 401 || response.status() == 403)
                && ACCESS_CHECK_CODES.contains(
                        response.json().path("type").asText().replace("urn:tds:problem:", ""));
        boolean passed = !refusedByAccessCheck;
        if (passed != allowed) {
            out.add(route.method() + " " + route.path() + " with "
                    + token.map(t -> TOKENS.entrySet().stream()
                                    .filter(e -> e.getValue().equals(t))
                                    .map(e -> e.getKey().name())
                                    .findFirst()
                                    .orElse("a forged token"))
                            .orElse("no token")
                    + ": expected " + (allowed ? "allowed" : "denied") + ", got "
                    + response.status() + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }
}
