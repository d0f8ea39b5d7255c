package city.tds.catalog;

import city.tds.catalog.search.CatalogSearch;
import city.tds.catalog.search.Facet;
import city.tds.catalog.search.SearchMode;
import city.tds.catalog.search.SearchRequest;
import city.tds.catalog.search.SearchResults;
import city.tds.core.Problem;
import city.tds.core.Result;
import city.tds.core.identity.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Searching the listed catalog on a caller's behalf: the query is checked, and only products listed in zones the
 * caller may see are found (facet counts included).
 */
public final class CatalogQueries {

    /** The longest query text accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 200;

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    private final Zones zones;
    private final CatalogSearch search;

    CatalogQueries(Zones zones, CatalogSearch search) {
        this.zones = zones;
        this.search = search;
    }

    public Result<SearchResults> search(
            String text,
            SearchMode mode,
            Map<Facet, Set<String>> filters,
            int offset,
            int limit,
            Optional<Principal> caller) {
        if (text == null || text.isBlank()) {
            return Result.fail(Problem.invalidInput("empty-query", "q must contain something to search for"));
        }
        if (text.length() > MAX_QUERY_CHARS) {
            return Result.fail(Problem.invalidInput(
                    "query-too-long",
                    "q is " + text.length() + " characters; at most " + MAX_QUERY_CHARS + " are searched"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Result.fail(
                    Problem.invalidInput("invalid-limit", "limit must be 1 to " + MAX_LIMIT + " (got " + limit + ")"));
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            return Result.fail(Problem.invalidInput(
                    "invalid-offset", "offset must be 0 to " + MAX_OFFSET + " (got " + offset + ")"));
        }
        Set<String> visible = zones.visibleZoneIds(caller);
        Set<String> zoneFilter = filters.getOrDefault(Facet.ZONE, Set.of());
        for (String zone : zoneFilter) {
            if (visible != null && !visible.contains(zone)) {
                return Result.fail(Zones.noSuchZone(zone).problem());
            }
        }
        return Result.ok(search.search(new SearchRequest(
                text.strip(), mode == null ? SearchMode.HYBRID : mode, visible, filters, offset, limit)));
    }
}
