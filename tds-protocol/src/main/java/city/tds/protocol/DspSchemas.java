package city.tds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The official DSP 2025-1 JSON schemas, bundled in the jar: each schema's {@code $id} under {@link Dsp#NAMESPACE}
 * resolves to the class path, so that nothing is fetched. Compiled once; thread-safe.
 */
public final class DspSchemas {

    private final Map<DspMessageType, Schema> schemas = new EnumMap<>(DspMessageType.class);

    private DspSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .schemaIdResolvers(
                                ids -> ids.mapPrefix(Dsp.NAMESPACE, "classpath:" + Dsp.RESOURCES + "schema/"))));
        for (DspMessageType type : DspMessageType.values()) {
            type.schema().ifPresent(path -> {
                Schema schema = registry.getSchema(SchemaLocation.of(Dsp.NAMESPACE + path));
                schema.initializeValidators();
                schemas.put(type, schema);
            });
        }
    }

    private static final class Holder {
        private static final DspSchemas BUNDLED = new DspSchemas();
    }

    /** The bundled schemas, compiled on first use. */
    public static DspSchemas bundled() {
        return Holder.BUNDLED;
    }

    /** Whether the published artifacts carry a schema for {@code type}. */
    public boolean hasSchema(DspMessageType type) {
        return schemas.containsKey(type);
    }

    /**
     * What in {@code message} violates {@code type}'s schema, each as {@code <JSON path>: <message>}; empty when it
     * conforms or no schema is published for the type.
     */
    public List<String> violations(DspMessageType type, JsonNode message) {
        Schema schema = schemas.get(type);
        if (schema == null) {
            return List.of();
        }
        List<Error> errors = schema.validate(message);
        return errors.stream().map(DspSchemas::describe).distinct().toList();
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation() == null
                ? "$"
                : error.getInstanceLocation().toString();
        String message = error.getMessage();
        return message.startsWith(at) ? message : at + ": " + message;
    }
}
