package city.tds.catalog.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the search index knows of one listed product. Only {@code productId} and {@code name} are required; missing
 * lists are empty, missing facet values are simply not counted.
 *
 * @param zoneIds the zones (专区) the product is listed in; it is visible to whoever may see any of them
 */
public record SearchDocument(
        String productId,
        String name,
        String description,
        List<String> keywords,
        List<String> fieldNames,
        String providerId,
        String providerName,
        String industry,
        String productType,
        String grade,
        List<String> deliveryModes,
        List<String> zoneIds,
        String registrationCode,
        Instant listedAt) {

    /** The model sees at most 512 tokens including [CLS] and [SEP]; stay a little below. */
    static final int EMBEDDING_TOKEN_BUDGET = 500;

    public SearchDocument {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        keywords = clean(keywords);
        fieldNames = clean(fieldNames);
        deliveryModes = clean(deliveryModes);
        zoneIds = clean(zoneIds);
    }

    /**
     * The text the embedding model sees: name, keywords, description, then field names, cut to what the model reads
     * (about {@value #EMBEDDING_TOKEN_BUDGET} tokens), so that the most telling parts come first and survive the cut.
     */
    public String embeddingText() {
        StringBuilder text = new StringBuilder(name.strip());
        if (!keywords.isEmpty()) {
            text.append("。").append(String.join("、", keywords));
        }
        if (!description.isBlank()) {
            text.append("。").append(description.strip());
        }
        if (!fieldNames.isEmpty()) {
            text.append("。字段：").append(String.join("、", fieldNames));
        }
        return ModelTokenBudget.truncate(text.toString(), EMBEDDING_TOKEN_BUDGET);
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return List.copyOf(kept);
    }
}
