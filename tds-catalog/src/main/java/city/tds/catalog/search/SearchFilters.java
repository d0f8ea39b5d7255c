package city.tds.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The non-scoring restrictions of a request: zone visibility (any of a product's zones visible) and drill-down
 * filters (values OR-ed within a facet, facets AND-ed).
 */
final class SearchFilters {
    private SearchFilters() {}

    /** The filter of a request, empty when nothing is restricted. Callers handle "no zone visible" before. */
    static Optional<Query> of(SearchRequest request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean any = false;
        if (request.visibleZones() != null) {
            filter.add(anyOf(Facet.ZONE.field(), request.visibleZones()), Occur.FILTER);
            any = true;
        }
        for (Map.Entry<Facet, Set<String>> entry : request.filters().entrySet()) {
            filter.add(anyOf(entry.getKey().field(), entry.getValue()), Occur.FILTER);
            any = true;
        }
        return any ? Optional.of(filter.build()) : Optional.empty();
    }

    /** True when the request can match nothing whatever the text: no zone is visible. */
    static boolean seesNothing(SearchRequest request) {
        return request.visibleZones() != null && request.visibleZones().isEmpty();
    }

    /** {@code query} restricted by the filter, if any. */
    static Query restrict(Query query, Optional<Query> filter) {
        if (filter.isEmpty()) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter.get(), Occur.FILTER)
                .build();
    }

    private static Query anyOf(String field, Set<String> values) {
        List<BytesRef> terms = new ArrayList<>(values.size());
        for (String value : values) {
            terms.add(new BytesRef(value.strip()));
        }
        return new TermInSetQuery(field, terms);
    }
}
