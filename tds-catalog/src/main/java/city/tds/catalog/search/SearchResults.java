package city.tds.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results.
 *
 * @param total how many visible products match (for {@link SearchMode#DENSE}: how many nearest-neighbour candidates
 *     were retrieved; for {@link SearchMode#HYBRID}: text matches plus semantic candidates)
 * @param hits the requested page, best first
 * @param facets value counts over the whole match set (not just the page), most frequent first; every facet is present
 * @param mode how the query was answered
 */
public record SearchResults(long total, List<SearchHit> hits, Map<Facet, List<FacetCount>> facets, SearchMode mode) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** The result of a query nobody can see anything for. */
    public static SearchResults empty(SearchMode mode) {
        Map<Facet, List<FacetCount>> none = new java.util.EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            none.put(facet, List.of());
        }
        return new SearchResults(0, List.of(), none, mode);
    }
}
