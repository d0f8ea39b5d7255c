package city.tds.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the facet values of a match set, and its size. All facets of a product are in one sorted-set doc-values field
 * ({@link #FIELD}, values {@code <facet field>\u001f<value>}); each segment is counted by its own ordinals and the
 * segments are merged through {@link FacetLabels}. Unlike Lucene's SortedSetDocValuesReaderState there is no
 * index-wide ordinal map to rebuild whenever the reader changes: after an upsert only the new small segment is mapped.
 */
final class FacetCounts {
    static final String FIELD = "facets";
    /** How many values per facet a result carries, most frequent first. */
    static final int VALUES_PER_FACET = 100;

    private static final char SEPARATOR = '\u001f';
    private static final Comparator<FacetCount> ORDER =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    private FacetCounts() {}

    /** The doc-values entry of one facet value. */
    static BytesRef encode(Facet facet, String value) {
        return new BytesRef(facet.field() + SEPARATOR + value);
    }

    /** What one search counted: every value of every facet, most frequent first. */
    record Counted(long total, Map<Facet, List<FacetCount>> facets) {
        /** The counts of two disjoint match sets together. */
        static Counted sum(Counted a, Counted b) {
            Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                Map<String, Long> values = new HashMap<>();
                a.facets().getOrDefault(facet, List.of()).forEach(c -> values.merge(c.value(), c.count(), Long::sum));
                b.facets().getOrDefault(facet, List.of()).forEach(c -> values.merge(c.value(), c.count(), Long::sum));
                List<FacetCount> merged = new ArrayList<>();
                values.forEach((value, count) -> merged.add(new FacetCount(value, count)));
                merged.sort(ORDER);
                facets.put(facet, List.copyOf(merged));
            }
            return new Counted(a.total() + b.total(), facets);
        }

        /** At most {@link #VALUES_PER_FACET} values per facet, most frequent first. */
        Map<Facet, List<FacetCount>> topFacets() {
            Map<Facet, List<FacetCount>> top = new EnumMap<>(Facet.class);
            facets.forEach((facet, values) ->
                    top.put(facet, List.copyOf(values.subList(0, Math.min(VALUES_PER_FACET, values.size())))));
            return top;
        }
    }

    /** A collector manager that counts; combine it with a top-docs manager to count and rank in one pass. */
    static CollectorManager<Counter, Counted> manager(FacetLabels labels) {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(labels);
            }

            @Override
            public Counted reduce(Collection<Counter> collectors) throws IOException {
                long total = 0;
                Map<String, Long> merged = new HashMap<>();
                for (Counter counter : collectors) {
                    counter.flush();
                    total += counter.total;
                    for (int id = 0; id < counter.counts.length; id++) {
                        if (counter.counts[id] > 0) {
                            merged.merge(labels.label(id), counter.counts[id], Long::sum);
                        }
                    }
                }
                return new Counted(total, byFacet(merged));
            }
        };
    }

    private static Map<Facet, List<FacetCount>> byFacet(Map<String, Long> byLabel) {
        Map<String, Facet> facetsByField = new HashMap<>();
        Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            facetsByField.put(facet.field(), facet);
            counts.put(facet, new ArrayList<>());
        }
        byLabel.forEach((label, count) -> {
            int separator = label.indexOf(SEPARATOR);
            Facet facet = separator < 0 ? null : facetsByField.get(label.substring(0, separator));
            if (facet != null) {
                counts.get(facet).add(new FacetCount(label.substring(separator + 1), count));
            }
        });
        Comparator<FacetCount> order =
                Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);
        counts.replaceAll((facet, values) -> {
            values.sort(order);
            return List.copyOf(values.subList(0, Math.min(VALUES_PER_FACET, values.size())));
        });
        return counts;
    }

    /** Counts per segment ordinal, then adds the segment's counts to the counts per value number. */
    static final class Counter extends SimpleCollector {
        private final FacetLabels labels;
        private long[] counts = new long[0];
        private long total;
        private SortedSetDocValues values;
        private int[] segmentIds;
        private int[] segmentCounts;

        Counter(FacetLabels labels) {
            this.labels = labels;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            values = DocValues.getSortedSet(context.reader(), FIELD);
            segmentIds = labels.idsOf(context.reader());
            segmentCounts = new int[segmentIds.length];
        }

        @Override
        public void collect(int doc) throws IOException {
            total++;
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    segmentCounts[(int) values.nextOrd()]++;
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        void flush() {
            if (segmentCounts == null) {
                return;
            }
            for (int ord = 0; ord < segmentCounts.length; ord++) {
                if (segmentCounts[ord] > 0) {
                    int id = segmentIds[ord];
                    if (id >= counts.length) {
                        counts = java.util.Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
                    }
                    counts[id] += segmentCounts[ord];
                }
            }
            segmentCounts = null;
        }
    }
}
