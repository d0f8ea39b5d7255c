package city.tds.governance.mask;

import java.util.Arrays;

/**
 * Algorithms {@code mask-before} and {@code mask-after}: mask every code point before (or after) the first
 * occurrence of a delimiter, e.g. before {@code @}: {@code zhang.san@example.cn} → {@code *********@example.cn}. The
 * delimiter itself stays. A value without the delimiter is masked entirely.
 */
public final class MaskAroundCharacter implements MaskingAlgorithm {

    /** Which side of the delimiter is masked. */
    public enum Side {
        BEFORE,
        AFTER
    }

    private final Side side;
    private final char delimiter;
    private final char maskChar;

    public MaskAroundCharacter(Side side, char delimiter, char maskChar) {
        CodePoints.requireMaskChar(delimiter);
        CodePoints.requireMaskChar(maskChar);
        this.side = side;
        this.delimiter = delimiter;
        this.maskChar = maskChar;
    }

    @Override
    public String mask(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n == 0) {
            return value;
        }
        int at = value.indexOf(delimiter);
        if (at < 0) {
            return CodePoints.maskAll(value, maskChar);
        }
        int from = side == Side.BEFORE ? 0 : at + 1;
        int to = side == Side.BEFORE ? at : n;
        char[] out = new char[n];
        value.getChars(0, n, out, 0);
        for (int i = from; i < to; i++) {
            if (Character.isSurrogate(out[i])) {
                return maskCodePoints(value, from, to);
            }
        }
        Arrays.fill(out, from, to, maskChar);
        return new String(out);
    }

    private String maskCodePoints(String value, int from, int to) {
        int masked = value.codePointCount(from, to);
        return value.substring(0, from) + String.valueOf(maskChar).repeat(masked) + value.substring(to);
    }
}
