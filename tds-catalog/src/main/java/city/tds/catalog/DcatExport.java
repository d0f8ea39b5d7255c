package city.tds.catalog;

import city.tds.catalog.ParticipantDirectory.ParticipantInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public catalog as DCAT 3 in JSON-LD: every product listed in a public zone becomes a {@code dcat:Dataset}
 * carrying its registration code, its ODRL policy ({@code odrl:hasPolicy}), one {@code dcat:Distribution} per delivery
 * mode and its zones as {@code dcat:theme} concepts. Products in zones that need signing in are not exported.
 */
public final class DcatExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final CatalogStore store;
    private final ParticipantDirectory directory;
    private final CatalogSettings settings;

    DcatExport(CatalogStore store, ParticipantDirectory directory, CatalogSettings settings) {
        this.store = store;
        this.directory = directory;
        this.settings = settings;
    }

    public ObjectNode export(URI base, String title, Instant now) {
        String root = base.toString().replaceAll("/+$", "");
        Map<String, Zone> publicZones = store.zones().stream()
                .filter(z -> z.visibility() == ZoneVisibility.PUBLIC)
                .collect(Collectors.toMap(Zone::id, Function.identity()));
        ObjectNode catalog = JSON.createObjectNode();
        catalog.set("@context", context());
        catalog.put("@id", root + "/api/v1/catalog/dcat");
        catalog.put("@type", "dcat:Catalog");
        catalog.set("dct:title", text(title));
        catalog.put("dct:identifier", settings.spaceCode());
        catalog.set("dct:modified", dateTime(now));
        catalog.set("dct:language", JSON.createObjectNode().put("@id", "http://id.loc.gov/vocabulary/iso639-1/zh"));
        ObjectNode taxonomy = catalog.putObject("dcat:themeTaxonomy");
        taxonomy.put("@id", root + "/api/v1/catalog/zones");
        taxonomy.put("@type", "skos:ConceptScheme");
        taxonomy.set("skos:prefLabel", text("专区"));
        ArrayNode datasets = catalog.putArray("dcat:dataset");
        for (CatalogStore.ListedProduct listed : allListed()) {
            ProductVersion v = listed.version();
            List<Zone> zones = v.zoneIds().stream()
                    .map(publicZones::get)
                    .filter(z -> z != null)
                    .toList();
            if (!zones.isEmpty()) {
                datasets.add(dataset(root, v, listed.registrationCode(), zones));
            }
        }
        return catalog;
    }

    private List<CatalogStore.ListedProduct> allListed() {
        List<CatalogStore.ListedProduct> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<CatalogStore.ListedProduct> page = store.listedProducts(after, PAGE);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).version().productId();
        }
    }

    private ObjectNode dataset(String root, ProductVersion v, RegistrationCode code, List<Zone> zones) {
        ObjectNode d = JSON.createObjectNode();
        d.put("@id", root + "/api/v1/catalog/products/" + v.productId());
        d.put("@type", "dcat:Dataset");
        d.put("dct:identifier", code.toString());
        d.set("dct:title", text(v.name()));
        d.set("dct:description", text(v.description()));
        ArrayNode keywords = d.putArray("dcat:keyword");
        v.keywords().forEach(k -> keywords.add(text(k)));
        d.put("dct:type", "tds:" + v.type().name());
        ParticipantInfo provider = directory.participant(v.providerId()).orElse(null);
        ObjectNode publisher = d.putObject("dct:publisher");
        publisher.put("@id", "urn:tds:participant:" + v.providerId());
        publisher.put("@type", "foaf:Organization");
        publisher.set("foaf:name", text(provider == null ? v.providerId() : provider.name()));
        ArrayNode themes = d.putArray("dcat:theme");
        for (Zone z : zones) {
            ObjectNode concept = themes.addObject();
            concept.put("@id", root + "/api/v1/catalog/zones/" + z.id());
            concept.put("@type", "skos:Concept");
            concept.set("skos:prefLabel", text(z.name()));
            concept.put("skos:notation", z.code());
        }
        d.put("tds:industry", v.industry());
        if (v.listedAt() != null) {
            d.set("dct:issued", dateTime(v.listedAt()));
        }
        d.set("dct:modified", dateTime(v.updatedAt()));
        d.put("dcat:version", Integer.toString(v.version()));
        try {
            d.set("odrl:hasPolicy", JSON.readTree(v.policy()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not JSON", e);
        }
        ObjectNode price = d.putObject("tds:price");
        price.put("tds:pricingModel", v.price().model().name());
        price.put("tds:amount", v.price().amount().toPlainString());
        price.put("tds:currency", v.price().currency());
        if (v.price().period() != null) {
            price.put("tds:period", v.price().period().name());
        }
        d.put("tds:publicData", v.publicData());
        ArrayNode distributions = d.putArray("dcat:distribution");
        v.deliveryModes().stream().sorted().forEach(mode -> {
            ObjectNode dist = distributions.addObject();
            dist.put("@type", "dcat:Distribution");
            dist.set("dct:title", text(mode.label()));
            dist.put("tds:deliveryMode", mode.term());
            dist.set("odrl:hasPolicy", d.get("odrl:hasPolicy"));
        });
        return d;
    }

    private static ObjectNode context() {
        ObjectNode c = JSON.createObjectNode();
        c.put("dcat", "http://www.w3.org/ns/dcat#");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("foaf", "http://xmlns.com/foaf/0.1/");
        c.put("skos", "http://www.w3.org/2004/02/skos/core#");
        c.put("odrl", "http://www.w3.org/ns/odrl/2/");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        c.put("tds", "https://tds.city/ns/catalog#");
        return c;
    }

    private static ObjectNode text(String value) {
        return JSON.createObjectNode().put("@value", value).put("@language", "zh");
    }

    private static ObjectNode dateTime(Instant at) {
        return JSON.createObjectNode().put("@value", at.toString()).put("@type", "xsd:dateTime");
    }
}
