package city.tds.governance.mask;

/**
 * A masking that replaces characters by their position: the value's characters are masked in place as code points,
 * on a {@code char[]} when the value has no surrogate pairs (the common case, without decoding) and on its code
 * points otherwise, so that 𠀀-class characters count as one.
 */
abstract class PositionalMasking implements MaskingAlgorithm {

    @Override
    public final String mask(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n == 0) {
            return value;
        }
        char[] out = new char[n];
        value.getChars(0, n, out, 0);
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(out[i])) {
                int[] points = CodePoints.of(value);
                maskPoints(points);
                return new String(points, 0, points.length);
            }
        }
        maskChars(out);
        return new String(out);
    }

    /** Masks {@code chars} in place: the value without surrogates. */
    abstract void maskChars(char[] chars);

    /** Masks {@code points} in place: the value's code points. */
    abstract void maskPoints(int[] points);
}
