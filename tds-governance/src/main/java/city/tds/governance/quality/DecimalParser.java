package city.tds.governance.quality;

import java.math.BigDecimal;

/**
 * Reads numbers from text on the hot path of a scan without throwing: plain integers and decimals ({@code -12},
 * {@code 3.50}, {@code .5}) are read by hand; only unusual forms (an exponent, more than 17 digits) go through
 * {@link BigDecimal}. Surrounding spaces are ignored; thousands separators, currency signs, {@code NaN} and
 * {@code Infinity} are not numbers.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final long MANTISSA_LIMIT = 100_000_000_000_000_000L;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private DecimalParser() {}

    /** The number {@code text} spells, or {@link Double#NaN} when it is not a number. */
    static double parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (mantissa >= MANTISSA_LIMIT) {
                    return parseUnusual(text, start, end);
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == 'e' || c == 'E') {
                return parseUnusual(text, start, end);
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (mantissa > MAX_EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
            return parseUnusual(text, start, end);
        }
        // both operands are exact doubles, so one division gives the correctly rounded value
        double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    private static double parseUnusual(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
            if (!allowed) {
                return Double.NaN;
            }
        }
        try {
            double value = new BigDecimal(text.substring(start, end)).doubleValue();
            return Double.isInfinite(value) ? Double.NaN : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
