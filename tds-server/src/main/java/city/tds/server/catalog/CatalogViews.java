package city.tds.server.catalog;

import city.tds.catalog.Attachment;
import city.tds.catalog.DataProduct;
import city.tds.catalog.DataResource;
import city.tds.catalog.ListingAction;
import city.tds.catalog.Objection;
import city.tds.catalog.ProductVersion;
import city.tds.catalog.Products;
import city.tds.catalog.Zone;
import city.tds.catalog.search.Facet;
import city.tds.catalog.search.FacetCount;
import city.tds.catalog.search.SearchHit;
import city.tds.catalog.search.SearchResults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes the catalog API returns. */
final class CatalogViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogViews() {}

    static Map<String, Object> zone(Zone z) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", z.id());
        m.put("code", z.code());
        m.put("name", z.name());
        m.put("description", z.description());
        m.put("leadParticipantId", z.leadParticipantId());
        m.put("visibility", z.visibility().name());
        m.put("listingRule", rule(z.listingRule()));
        m.put("viewerRule", rule(z.viewerRule()));
        m.put("createdAt", z.createdAt());
        m.put("updatedAt", z.updatedAt());
        return m;
    }

    private static Map<String, Object> rule(city.tds.catalog.ZoneRule r) {
        return Map.of(
                "participantIds", r.participantIds().stream().sorted().toList(),
                "industries", r.industries().stream().sorted().toList());
    }

    static Map<String, Object> resource(DataResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("providerId", r.providerId());
        m.put("version", r.version());
        m.put("title", r.title());
        m.put("description", r.description());
        m.put(
                "fields",
                r.fields().stream()
                        .map(f -> Map.of("name", f.name(), "type", f.type(), "description", f.description()))
                        .toList());
        m.put("sourceKind", r.sourceKind().name());
        m.put("connectorId", r.connectorId());
        m.put("sourceId", r.sourceId());
        m.put("department", r.department());
        m.put("updateFrequency", r.updateFrequency().name());
        m.put("recordCount", r.recordCount());
        m.put("sizeBytes", r.sizeBytes());
        m.put("coverageFrom", r.coverageFrom() == null ? null : r.coverageFrom().toString());
        m.put("coverageTo", r.coverageTo() == null ? null : r.coverageTo().toString());
        m.put("classification", r.classification());
        m.put("grade", r.grade() == null ? null : r.grade().name());
        m.put("gradeLevel", r.gradeLevel());
        m.put("gradeLabel", r.gradeLabel());
        m.put("gradeProposal", r.gradeProposal() == null ? null : gradeProposal(r.gradeProposal()));
        m.put("createdAt", r.createdAt());
        m.put("updatedAt", r.updatedAt());
        return m;
    }

    private static Map<String, Object> gradeProposal(city.tds.catalog.ResourceGrader.GradeSuggestion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grade", p.grade().name());
        m.put("gradeLevel", p.level());
        m.put("gradeLabel", city.tds.catalog.DataGrade.label(p.grade(), p.level()));
        m.put("classification", p.classification());
        m.put("basis", p.basis());
        return m;
    }

    static Map<String, Object> product(Products.ProductView view) {
        DataProduct p = view.product();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("providerId", p.providerId());
        m.put(
                "registrationCode",
                p.registrationCode() == null ? null : p.registrationCode().toString());
        m.put("latestVersion", p.latestVersion());
        m.put("listedVersion", p.listedVersion());
        m.put("createdAt", p.createdAt());
        m.put("versions", view.versions().stream().map(CatalogViews::version).toList());
        return m;
    }

    static Map<String, Object> productSummary(DataProduct p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("providerId", p.providerId());
        m.put(
                "registrationCode",
                p.registrationCode() == null ? null : p.registrationCode().toString());
        m.put("latestVersion", p.latestVersion());
        m.put("listedVersion", p.listedVersion());
        m.put("createdAt", p.createdAt());
        return m;
    }

    static Map<String, Object> version(ProductVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", v.productId());
        m.put("version", v.version());
        m.put("providerId", v.providerId());
        m.put("status", v.status().name());
        m.put("statusLabel", v.status().label());
        m.put(
                "allowedActions",
                ListingAction.allowedFromStatus(v.status()).stream()
                        .map(ListingAction::slug)
                        .toList());
        m.put("name", v.name());
        m.put("description", v.description());
        m.put("industry", v.industry());
        m.put("keywords", v.keywords());
        m.put("type", v.type().name());
        m.put("resourceIds", v.resourceIds());
        m.put(
                "deliveryModes",
                v.deliveryModes().stream().map(Enum::name).sorted().toList());
        m.put("policy", json(v.policy()));
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("model", v.price().model().name());
        price.put("amount", v.price().amount());
        price.put("currency", v.price().currency());
        price.put(
                "period", v.price().period() == null ? null : v.price().period().name());
        m.put("price", price);
        m.put("publicData", v.publicData());
        m.put("zoneIds", v.zoneIds());
        m.put("statusReason", v.statusReason());
        m.put("noticeEndsAt", v.noticeEndsAt());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        m.put("listedAt", v.listedAt());
        return m;
    }

    static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("productId", a.productId());
        m.put("version", a.version());
        m.put("kind", a.kind().name());
        m.put("name", a.name());
        m.put("mediaType", a.mediaType());
        m.put("sizeBytes", a.sizeBytes());
        m.put("digest", a.digest());
        m.put("addedAt", a.addedAt());
        return m;
    }

    static Map<String, Object> objection(Objection o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("productId", o.productId());
        m.put("version", o.version());
        m.put("participantId", o.participantId());
        m.put("reason", o.reason());
        m.put("status", o.status().name());
        m.put("raisedAt", o.raisedAt());
        m.put("resolution", o.resolution());
        m.put("resolvedBy", o.resolvedBy());
        m.put("resolvedAt", o.resolvedAt());
        return m;
    }

    /**
     * Search results with each hit's listed version, as the caller may see it.
     *
     * @param listed the listed version of a hit's product, if it is still visible
     */
    static Map<String, Object> results(
            SearchResults results, Function<String, java.util.Optional<Products.ProductView>> listed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", results.mode().name());
        m.put("total", results.total());
        List<Map<String, Object>> hits = new java.util.ArrayList<>();
        for (SearchHit hit : results.hits()) {
            listed.apply(hit.productId()).ifPresent(view -> {
                ProductVersion v = view.current();
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("productId", hit.productId());
                h.put("score", hit.score());
                h.put("bm25Rank", hit.bm25Rank());
                h.put("denseRank", hit.denseRank());
                h.put(
                        "registrationCode",
                        view.product().registrationCode() == null
                                ? null
                                : view.product().registrationCode().toString());
                h.put("version", v.version());
                h.put("name", v.name());
                h.put("description", v.description());
                h.put("providerId", v.providerId());
                h.put("industry", v.industry());
                h.put("type", v.type().name());
                h.put(
                        "deliveryModes",
                        v.deliveryModes().stream().map(Enum::name).sorted().toList());
                h.put("zoneIds", v.zoneIds());
                hits.add(h);
            });
        }
        m.put("hits", hits);
        Map<String, Object> facets = new LinkedHashMap<>();
        for (Map.Entry<Facet, List<FacetCount>> e : results.facets().entrySet()) {
            facets.put(
                    e.getKey().param(),
                    e.getValue().stream()
                            .map(c -> Map.of("value", c.value(), "count", c.count()))
                            .toList());
        }
        m.put("facets", facets);
        return m;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not JSON", e);
        }
    }
}
