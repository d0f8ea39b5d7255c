package city.tds.governance.mask;

import java.util.Arrays;

/**
 * Algorithm {@code keep}: shows the first {@code first} and the last {@code last} code points and replaces every code
 * point between them with the mask character, e.g. {@code 13812345678} with 3 and 4 → {@code 138****5678}, and
 * {@code 张三丰} with 1 and 0 → {@code 张**}.
 *
 * <p>A value of at most {@code first + last} code points is masked entirely: keeping its ends would show all of it.
 */
public final class KeepFirstLast extends PositionalMasking {

    private final int first;
    private final int last;
    private final char maskChar;

    public KeepFirstLast(int first, int last, char maskChar) {
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("first and last must not be negative");
        }
        CodePoints.requireMaskChar(maskChar);
        this.first = first;
        this.last = last;
        this.maskChar = maskChar;
    }

    @Override
    void maskChars(char[] out) {
        int n = out.length;
        if (n <= first + last) {
            Arrays.fill(out, maskChar);
        } else {
            Arrays.fill(out, first, n - last, maskChar);
        }
    }

    @Override
    void maskPoints(int[] points) {
        int n = points.length;
        if (n <= first + last) {
            Arrays.fill(points, maskChar);
        } else {
            Arrays.fill(points, first, n - last, maskChar);
        }
    }
}
