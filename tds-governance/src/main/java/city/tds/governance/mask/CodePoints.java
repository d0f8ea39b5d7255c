package city.tds.governance.mask;

/** Helpers for masking by Unicode code point, so that characters outside the BMP count as one. */
final class CodePoints {

    private CodePoints() {}

    /** Whether {@code value} holds any surrogate char, i.e. whether char positions differ from code point positions. */
    static boolean hasSurrogates(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** One {@code maskChar} per code point of {@code value}. */
    static String maskAll(String value, char maskChar) {
        int count = hasSurrogates(value) ? value.codePointCount(0, value.length()) : value.length();
        return String.valueOf(maskChar).repeat(count);
    }

    /** The code points of {@code value}. */
    static int[] of(String value) {
        return value.codePoints().toArray();
    }

    static void requireMaskChar(char maskChar) {
        if (Character.isSurrogate(maskChar)) {
            throw new IllegalArgumentException("the mask character must be one BMP character");
        }
    }
}
