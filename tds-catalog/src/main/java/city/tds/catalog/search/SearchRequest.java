package city.tds.catalog.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A catalog query. The caller validates the text (length, emptiness) before; the index copes with any characters.
 *
 * @param text the query; blank means "browse": every visible, filtered product, newest listing first
 * @param mode full-text, semantic or hybrid
 * @param visibleZones zones the asking party may see; null means no restriction (operator staff), an empty set means
 *     nothing is visible. A product is visible when any of its zones is in this set.
 * @param filters drill-down: within a facet the values are OR-ed, across facets AND-ed; a facet with an empty set of
 *     values is ignored
 * @param offset how many hits to skip
 * @param limit page size
 */
public record SearchRequest(
        String text,
        SearchMode mode,
        Set<String> visibleZones,
        Map<Facet, Set<String>> filters,
        int offset,
        int limit) {

    public SearchRequest {
        text = text == null ? "" : text;
        Objects.requireNonNull(mode, "mode");
        visibleZones = visibleZones == null ? null : Set.copyOf(visibleZones);
        Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                if (facet != null && values != null && !values.isEmpty()) {
                    copy.put(facet, Set.copyOf(values));
                }
            });
        }
        filters = Map.copyOf(copy);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** A first page of {@code limit} hits with no zone restriction and no filters. */
    public static SearchRequest of(String text, SearchMode mode, int limit) {
        return new SearchRequest(text, mode, null, Map.of(), 0, limit);
    }

    /** True when the text carries no query (browse mode). */
    public boolean isBrowse() {
        return text.isBlank();
    }
}
