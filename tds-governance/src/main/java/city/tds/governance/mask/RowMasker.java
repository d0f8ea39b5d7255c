package city.tds.governance.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A masking profile bound to a table's header: masks rows of that table, column by column. Thread-safe. A row shorter
 * than the header (a ragged CSV line) is masked as far as it goes; columns without a rule pass unchanged.
 */
public final class RowMasker {

    private final List<String> header;
    private final int[] indexes;
    private final MaskingAlgorithm[] algorithms;

    RowMasker(List<String> header, Map<String, MaskingAlgorithm> byColumn) {
        this.header = List.copyOf(header);
        List<Integer> indexes = new ArrayList<>();
        List<MaskingAlgorithm> algorithms = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            MaskingAlgorithm algorithm = byColumn.get(header.get(i));
            if (algorithm != null) {
                indexes.add(i);
                algorithms.add(algorithm);
            }
        }
        this.indexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        this.algorithms = algorithms.toArray(new MaskingAlgorithm[0]);
    }

    public List<String> header() {
        return header;
    }

    /** The names of the columns masked, in header order. */
    public List<String> maskedColumns() {
        List<String> names = new ArrayList<>();
        for (int index : indexes) {
            names.add(header.get(index));
        }
        return names;
    }

    /** A masked copy of {@code row}; the row itself stays as it was. */
    public String[] maskRow(String[] row) {
        String[] copy = row.clone();
        maskInPlace(copy);
        return copy;
    }

    /** Masks {@code row} in place. */
    public void maskInPlace(String[] row) {
        for (int i = 0; i < indexes.length; i++) {
            int index = indexes[i];
            if (index < row.length) {
                row[index] = algorithms[i].mask(row[index]);
            }
        }
    }
}
