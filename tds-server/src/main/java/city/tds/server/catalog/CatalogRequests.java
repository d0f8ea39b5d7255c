package city.tds.server.catalog;

import city.tds.catalog.DataGrade;
import city.tds.catalog.Price;
import city.tds.catalog.ProductDraft;
import city.tds.catalog.ProductType;
import city.tds.catalog.ResourceDescription;
import city.tds.catalog.ResourceField;
import city.tds.catalog.ReviewDecision;
import city.tds.catalog.SourceKind;
import city.tds.catalog.UpdateFrequency;
import city.tds.catalog.ZoneRule;
import city.tds.catalog.ZoneSpec;
import city.tds.catalog.ZoneVisibility;
import city.tds.policy.DeliveryMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The JSON bodies the catalog API accepts. Unknown fields and unknown enum values are refused with a 400. */
final class CatalogRequests {

    private CatalogRequests() {}

    record Rule(Set<String> participantIds, Set<String> industries) {
        ZoneRule toRule() {
            return new ZoneRule(participantIds, industries);
        }
    }

    record ZoneBody(
            String code,
            String name,
            String description,
            String leadParticipantId,
            Rule listingRule,
            ZoneVisibility visibility,
            Rule viewerRule) {
        ZoneSpec toSpec() {
            return new ZoneSpec(
                    code,
                    name,
                    description,
                    leadParticipantId,
                    listingRule == null ? null : listingRule.toRule(),
                    visibility,
                    viewerRule == null ? null : viewerRule.toRule());
        }
    }

    record Field(String name, String type, String description) {}

    record ResourceBody(
            String title,
            String description,
            List<Field> fields,
            SourceKind sourceKind,
            String connectorId,
            String sourceId,
            String department,
            UpdateFrequency updateFrequency,
            Long recordCount,
            Long sizeBytes,
            LocalDate coverageFrom,
            LocalDate coverageTo,
            String classification,
            DataGrade grade,
            Integer gradeLevel) {
        ResourceDescription toDescription() {
            return new ResourceDescription(
                    title,
                    description,
                    fields == null
                            ? null
                            : fields.stream()
                                    .map(f -> f == null ? null : new ResourceField(f.name(), f.type(), f.description()))
                                    .toList(),
                    sourceKind,
                    connectorId,
                    sourceId,
                    department,
                    updateFrequency,
                    recordCount,
                    sizeBytes,
                    coverageFrom,
                    coverageTo,
                    classification,
                    grade,
                    gradeLevel);
        }
    }

    record ProductBody(
            String name,
            String description,
            String industry,
            List<String> keywords,
            ProductType type,
            List<String> resourceIds,
            Set<DeliveryMode> deliveryModes,
            JsonNode policy,
            Price price,
            Boolean publicData,
            List<String> zoneIds) {
        ProductDraft toDraft() {
            return new ProductDraft(
                    name,
                    description,
                    industry,
                    keywords,
                    type,
                    resourceIds,
                    deliveryModes,
                    policy == null || policy.isNull() ? null : policy.toString(),
                    price,
                    Boolean.TRUE.equals(publicData),
                    zoneIds);
        }
    }

    record Review(ReviewDecision decision, String reason) {}

    record Reason(String reason) {}

    enum ObjectionDecision {
        UPHOLD,
        DISMISS
    }

    record Resolution(ObjectionDecision decision, String reason) {}
}
