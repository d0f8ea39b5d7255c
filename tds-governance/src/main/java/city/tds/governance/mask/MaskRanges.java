package city.tds.governance.mask;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Algorithm {@code mask-range}: replaces the code points at the given positions with the mask character. Positions
 * count code points from 1, both ends included; a range past the end of a value stops at its end. For example ranges
 * 4–7 and 10–11 turn {@code 13812345678} into {@code 138****56**}.
 *
 * <p>A value that ends before the first range starts has nothing at the masked positions and is masked entirely
 * rather than shown as it is.
 */
public final class MaskRanges extends PositionalMasking {

    /** Positions {@code from} to {@code to}, counted from 1, both included. */
    public record Range(int from, int to) {
        public Range {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("a range needs 1 <= from <= to, got " + from + "-" + to);
            }
        }
    }

    private final int[] starts;
    private final int[] ends;
    private final char maskChar;

    public MaskRanges(List<Range> ranges, char maskChar) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("at least one range");
        }
        CodePoints.requireMaskChar(maskChar);
        Range[] sorted = ranges.toArray(new Range[0]);
        Arrays.sort(sorted, Comparator.comparingInt(Range::from));
        starts = new int[sorted.length];
        ends = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].from() - 1;
            ends[i] = sorted[i].to();
        }
        this.maskChar = maskChar;
    }

    @Override
    void maskChars(char[] out) {
        int n = out.length;
        if (n <= starts[0]) {
            Arrays.fill(out, maskChar);
        } else {
            for (int r = 0; r < starts.length && starts[r] < n; r++) {
                Arrays.fill(out, starts[r], Math.min(ends[r], n), maskChar);
            }
        }
    }

    @Override
    void maskPoints(int[] points) {
        int n = points.length;
        if (n <= starts[0]) {
            Arrays.fill(points, maskChar);
        } else {
            for (int r = 0; r < starts.length && starts[r] < n; r++) {
                Arrays.fill(points, starts[r], Math.min(ends[r], n), maskChar);
            }
        }
    }
}
