package city.tds.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.server.http.OpenApiRoutes;
import city.tds.server.http.RouteInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The management API's OpenAPI document, as shipped in the jar, for tests: which operations it declares, and whether a
 * real response matches the schema it declares for that operation and status.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument bundled() {
        try {
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(OpenApiRoutes.load()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation as {@code "GET /api/v1/node"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    public static String operation(RouteInfo route) {
        return route.method() + " " + route.path();
    }

    /** As {@link #assertConforms(String, String, HttpCall.Response)}, for a JSON reply of the space client. */
    public void assertConforms(String method, String pathTemplate, int status, JsonNode body) {
        assertConforms(
                method,
                pathTemplate,
                new HttpCall.Response(
                        status,
                        body.path("type").isTextual() && status >= 400
                                ? "application/problem+json"
                                : "application/json",
                        body.toString()));
    }

    /** Asserts that {@code response} is one the document declares for this operation, and matches its schema. */
    public void assertConforms(String method, String pathTemplate, HttpCall.Response response) {
        JsonNode declared = root.path("paths")
                .path(pathTemplate)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(response.status()));
        assertThat(declared.isMissingNode())
                .as("%s %s declares status %d", method, pathTemplate, response.status())
                .isFalse();
        if (declared.has("$ref")) {
            declared = resolve(declared.get("$ref").asText());
        }
        String mediaType = response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content").path(mediaType);
        assertThat(content.isMissingNode())
                .as("%s %s %d declares content type %s", method, pathTemplate, response.status(), mediaType)
                .isFalse();
        if (!mediaType.endsWith("json")) {
            return;
        }
        // the operation's schema plus every component schema as $defs, so that its references resolve
        ObjectNode schema = content.path("schema").deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", root.path("components").path("schemas"));
        Schema validator = schemas.getSchema(rewriteRefs(schema));
        List<Error> errors = validator.validate(response.json());
        assertThat(errors)
                .as("%s %s %d body %s", method, pathTemplate, response.status(), response.body())
                .isEmpty();
    }

    private static JsonNode rewriteRefs(JsonNode schema) {
        try {
            String text = MAPPER.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/");
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
