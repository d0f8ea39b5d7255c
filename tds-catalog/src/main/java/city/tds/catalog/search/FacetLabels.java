package city.tds.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Numbers every facet value the index has ever held, and remembers for each segment which number each of its
 * ordinals stands for. Segments never change, so the mapping is made once per segment (when a search first meets it)
 * and dropped when Lucene closes the segment; counting then adds into arrays instead of decoding and hashing labels on
 * every search. Thread-safe.
 */
final class FacetLabels {
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<IndexReader.CacheKey, int[]> segments = new ConcurrentHashMap<>();

    /** For each ordinal of the segment's facet field, the number of its value. */
    int[] idsOf(LeafReader segment) throws IOException {
        IndexReader.CacheHelper cache = segment.getCoreCacheHelper();
        if (cache == null) {
            return map(segment);
        }
        int[] known = segments.get(cache.getKey());
        if (known != null) {
            return known;
        }
        int[] mapped = map(segment);
        if (segments.putIfAbsent(cache.getKey(), mapped) == null) {
            cache.addClosedListener(segments::remove);
        }
        return mapped;
    }

    /** The value numbered {@code id}. */
    String label(int id) {
        synchronized (labels) {
            return labels.get(id);
        }
    }

    private int[] map(LeafReader segment) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(segment, FacetCounts.FIELD);
        int[] mapped = new int[Math.toIntExact(values.getValueCount())];
        for (int ord = 0; ord < mapped.length; ord++) {
            mapped[ord] = idOf(values.lookupOrd(ord).utf8ToString());
        }
        return mapped;
    }

    private int idOf(String label) {
        Integer id = ids.get(label);
        if (id != null) {
            return id;
        }
        synchronized (labels) {
            return ids.computeIfAbsent(label, l -> {
                labels.add(l);
                return labels.size() - 1;
            });
        }
    }
}
