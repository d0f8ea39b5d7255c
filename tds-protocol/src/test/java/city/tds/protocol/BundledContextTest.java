package city.tds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The official context is in the jar, and every type and state TDS writes is a term it defines. */
class BundledContextTest {

    private static JsonNode context(String file) throws IOException {
        try (InputStream in = BundledContextTest.class.getClassLoader().getResourceAsStream(Dsp.RESOURCES + file)) {
            assertThat(in).as(file + " in the jar").isNotNull();
            return new ObjectMapper().readTree(in).get("@context");
        }
    }

    @Test
    void definesEveryMessageTypeAndState() throws IOException {
        JsonNode context = context("dsp-2025-1.jsonld");

        assertThat(context.path("dspace").asText()).isEqualTo(Dsp.NAMESPACE);
        for (DspMessageType type : DspMessageType.values()) {
            // DSP's own types are dspace: terms; Catalog and Dataset are DCAT's
            assertThat(context.path(type.typeName()).path("@id").asText())
                    .as(type.typeName())
                    .isIn("dspace:" + type.typeName(), "dcat:" + type.typeName());
        }
        Arrays.stream(NegotiationState.values())
                .forEach(
                        state -> assertThat(context.path(state.name()).asText()).isEqualTo("dspace:" + state.name()));
        Arrays.stream(TransferState.values())
                .forEach(
                        state -> assertThat(context.path(state.name()).asText()).isEqualTo("dspace:" + state.name()));
    }

    @Test
    void theOdrlProfileTheContextImportsIsBundledToo() throws IOException {
        JsonNode main = context("dsp-2025-1.jsonld");
        JsonNode profile = context("dsp-2025-1-odrl-profile.jsonld");

        assertThat(main.path("ContractRequestMessage")
                        .path("@context")
                        .path("@import")
                        .asText())
                .isEqualTo(Dsp.ODRL_PROFILE_CONTEXT);
        assertThat(profile.path("odrl").asText()).isEqualTo("http://www.w3.org/ns/odrl/2/");
        assertThat(profile.has("permission")).isTrue();
    }

    @Test
    void everyPublishedSchemaCompilesFromTheJar() {
        DspSchemas schemas = DspSchemas.bundled();

        assertThat(Arrays.stream(DspMessageType.values()).filter(schemas::hasSchema))
                .hasSize((int) Arrays.stream(DspMessageType.values())
                        .filter(t -> t.schema().isPresent())
                        .count());
    }
}
