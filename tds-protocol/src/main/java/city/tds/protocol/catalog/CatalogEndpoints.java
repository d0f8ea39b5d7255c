package city.tds.protocol.catalog;

import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.protocol.Dsp;
import city.tds.protocol.DspEndpoint;
import city.tds.protocol.DspMessage;
import city.tds.protocol.DspMessageReader;
import city.tds.protocol.DspMessageType;
import city.tds.protocol.DspMessages;
import city.tds.protocol.DspPolicies;
import city.tds.protocol.negotiation.Counterparty;
import city.tds.protocol.negotiation.DspResponse;
import city.tds.protocol.negotiation.Offer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The catalog protocol of DSP 2025-1: {@code POST /catalog/request} answers the requester's {@code Catalog}, {@code GET
 * /catalog/datasets/{id}} one {@code Dataset}. What a requester sees is decided by the offers' policies: an offer is
 * shown unless its policy denies this requester outright (by the facts of its credential); a dataset without an offer
 * left to show is not shown at all, and asking for it is answered as for a dataset that does not exist.
 *
 * <p>Offers in a catalog carry no {@code target} (the dataset is it, as the schema requires); a consumer names the
 * dataset as the target when it requests one. Request filters are not supported and are ignored.
 */
public final class CatalogEndpoints implements DspEndpoint {

    private final DatasetDirectory datasets;
    private final DspMessageReader reader;
    private final DspPolicies policies = new DspPolicies();
    private final Clock clock;
    private final String self;
    private final String selfAddress;

    public CatalogEndpoints(
            DatasetDirectory datasets, DspMessageReader reader, Clock clock, String self, String selfAddress) {
        this.datasets = datasets;
        this.reader = reader;
        this.clock = clock;
        this.self = self;
        this.selfAddress = Dsp.base(selfAddress);
    }

    @Override
    public DspResponse handle(String method, String path, Counterparty from, byte[] body) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (method.equals("POST") && trimmed.equals("catalog/request")) {
            Result<DspMessage> request = reader.read(body, DspMessageType.CATALOG_REQUEST);
            if (!request.isOk()) {
                return error(request.problem());
            }
            return new DspResponse(200, catalog(from));
        }
        if (method.equals("GET") && trimmed.startsWith("catalog/datasets/")) {
            String id = trimmed.substring("catalog/datasets/".length());
            return datasets.find(id)
                    .flatMap(d -> dataset(d, from))
                    .map(d -> {
                        ObjectNode root = DspMessages.message(DspMessageType.DATASET);
                        root.remove("@type");
                        root.setAll(d);
                        return new DspResponse(200, root);
                    })
                    .orElseGet(() -> error(Problem.notFound("dsp-unknown-dataset", "no dataset " + id)));
        }
        return error(Problem.notFound("dsp-unknown-endpoint", "no catalog endpoint " + method + " " + path));
    }

    private ObjectNode catalog(Counterparty from) {
        ObjectNode catalog = DspMessages.message(DspMessageType.CATALOG);
        catalog.put("@id", "urn:tds:catalog:" + self);
        catalog.put("participantId", self);
        catalog.putArray("service").add(service());
        ArrayNode shown = catalog.arrayNode();
        for (DspDataset dataset : datasets.datasets()) {
            dataset(dataset, from).ifPresent(shown::add);
        }
        if (!shown.isEmpty()) {
            catalog.set("dataset", shown);
        }
        return catalog;
    }

    private Optional<ObjectNode> dataset(DspDataset dataset, Counterparty from) {
        List<Offer> visible = dataset.offers().stream()
                .filter(offer ->
                        offer.compiled().decide(from.facts(clock.instant())).possible())
                .toList();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = DspMessages.message(DspMessageType.DATASET);
        out.remove("@context");
        out.put("@id", dataset.id());
        if (dataset.title() != null) {
            out.put("dct:title", dataset.title());
        }
        if (dataset.description() != null) {
            out.put("dct:description", dataset.description());
        }
        if (!dataset.keywords().isEmpty()) {
            ArrayNode keywords = out.putArray("dcat:keyword");
            dataset.keywords().forEach(keywords::add);
        }
        ArrayNode offers = out.putArray("hasPolicy");
        for (Offer offer : visible) {
            ObjectNode written = policies.write(offer.policy());
            written.remove("target");
            offers.add(written);
        }
        ArrayNode distributions = out.putArray("distribution");
        for (String format : dataset.formats()) {
            ObjectNode distribution = distributions.addObject();
            distribution.put("@type", "Distribution");
            distribution.put("format", format);
            distribution.set("accessService", service());
        }
        return Optional.of(out);
    }

    private ObjectNode service() {
        ObjectNode service = JsonNodeFactory.instance.objectNode();
        service.put("@id", "urn:tds:dataservice:" + self);
        service.put("@type", "DataService");
        service.put("endpointURL", selfAddress);
        return service;
    }

    private static DspResponse error(Problem problem) {
        ObjectNode body = DspMessages.message(DspMessageType.CATALOG_ERROR);
        body.put("code", problem.code());
        body.putArray("reason").add(problem.detail());
        return new DspResponse(problem.kind().httpStatus(), body);
    }
}
