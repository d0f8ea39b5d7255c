package city.tds.server.protocol;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.negotiation.DspTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The consumer's requests that are answered at once: a provider connector's catalog. */
public final class DspClient {

    private final DspTransport transport;

    public DspClient(DspTransport transport) {
        this.transport = transport;
    }

    /** The catalog the provider at {@code providerAddress} (its DSP base URL) shows this connector. */
    public Result<ObjectNode> catalog(String providerAddress) {
        String base = Dsp.base(providerAddress);
        DspTransport.Delivery answer = transport.post(
                base + "/catalog/request",
                DspMessages.message(DspMessageType.CATALOG_REQUEST).toString());
        if (answer instanceof DspTransport.Delivered delivered && delivered.body() instanceof ObjectNode catalog) {
            return Result.ok(catalog);
        }
        String why = answer instanceof DspTransport.Refused refused
                ? "refused (" + refused.status() + "): " + refused.detail()
                : answer instanceof DspTransport.Unreachable unreachable
                        ? "unreachable: " + unreachable.detail()
                        : "answered without a catalog";
        return Result.fail(new Problem(
                ProblemKind.UNAVAILABLE, "dsp-catalog-unavailable", "the catalog of " + base + " was " + why));
    }

    /** The first offer of {@code dataset} in a catalog, with the dataset named as its target, ready to request. */
    public static ObjectNode requestableOffer(JsonNode dataset) {
        ObjectNode offer = ((ObjectNode) dataset.path("hasPolicy").get(0)).deepCopy();
        offer.put("target", dataset.path("@id").asText());
        return offer;
    }
}
