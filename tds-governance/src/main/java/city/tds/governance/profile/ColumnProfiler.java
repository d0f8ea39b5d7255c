package city.tds.governance.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles one column in one pass: feed it every value with {@link #accept(String)}, then read {@link #profile()}.
 * Memory is bounded whatever the number of rows: 4 KiB of distinct-count registers, at most {@value #TRACKED_VALUES}
 * counted values and {@value #TRACKED_PATTERNS} shapes. Not thread-safe; one instance per column.
 */
public final class ColumnProfiler {

    /** Distinct values counted exactly for the top values; later new values are not tracked. */
    static final int TRACKED_VALUES = 4_096;
    /** Shapes of values tracked; later new shapes are counted only in the total. */
    static final int TRACKED_PATTERNS = 128;
    /** Characters of a value that make up its shape; longer values end their shape with {@code …}. */
    static final int SHAPE_LENGTH = 32;

    private static final int TOP = 10;
    /** Present values after which a full table of counts all at most 2 stops being updated. */
    private static final long ABANDON_CHECK = 65_536;

    private static final int KINDS = ValueKind.values().length;
    private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};
    private static final int[] TIME_DIGITS = {11, 12, 14, 15};

    private final String column;
    private final HyperLogLog distinct = new HyperLogLog();
    private final long[] kindCounts = new long[KINDS];
    private final HashCounts counts = new HashCounts(TRACKED_VALUES);
    private boolean countsFull;
    private boolean countsAbandoned;
    private final HashCounts shapes = new HashCounts(TRACKED_PATTERNS);
    private final Map<String, String> shapeExamples = new HashMap<>();
    private final char[] shapeChars = new char[SHAPE_LENGTH + 1];
    private long values;
    private long missing;
    private long blank;
    private String minText;
    private String maxText;
    private double minNumber = Double.POSITIVE_INFINITY;
    private double maxNumber = Double.NEGATIVE_INFINITY;
    private String minNumberText;
    private String maxNumberText;
    private double sum;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength;
    private long totalLength;

    public ColumnProfiler(String column) {
        this.column = column;
    }

    /** Counts one value; {@code null} is a missing value. */
    public void accept(String value) {
        values++;
        if (value == null) {
            missing++;
            return;
        }
        int length = value.length();
        long hash = 0xcbf29ce484222325L;
        long shapeHash = 0x84222325cbf29ce4L;
        int digits = 0;
        int dots = 0;
        boolean blankOnly = true;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            hash = (hash ^ c) * 0x100000001b3L;
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            }
            if (blankOnly && !Character.isWhitespace(c)) {
                blankOnly = false;
            }
            if (i < SHAPE_LENGTH) {
                shapeHash = (shapeHash ^ shapeOf(c)) * 0x100000001b3L;
            }
        }
        if (length > SHAPE_LENGTH) {
            shapeHash = (shapeHash ^ '…') * 0x100000001b3L;
        }
        if (blankOnly) {
            blank++;
            return;
        }
        distinct.add(mix(hash));
        ValueKind kind = kindOf(value, digits, dots);
        kindCounts[kind.ordinal()]++;
        if (kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL) {
            double number = kind == ValueKind.INTEGER && length < 16 ? Long.parseLong(value) : number(value);
            sum += number;
            if (number < minNumber) {
                minNumber = number;
                minNumberText = value;
            }
            if (number > maxNumber) {
                maxNumber = number;
                maxNumberText = value;
            }
        }
        if (minText == null || value.compareTo(minText) < 0) {
            minText = value;
        }
        if (maxText == null || value.compareTo(maxText) > 0) {
            maxText = value;
        }
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
        totalLength += length;
        count(hash, value);
        if (shapes.add(shapeHash, null) == HashCounts.ADDED) {
            String shape = shapeText(value);
            shapes.name(shapeHash, shape);
            shapeExamples.putIfAbsent(shape, value);
        }
    }

    private void count(long hash, String value) {
        if (countsAbandoned) {
            return;
        }
        if (counts.add(hash, value) == HashCounts.FULL) {
            countsFull = true;
        }
        if (countsFull && totalPresent() == ABANDON_CHECK && counts.maxCount() <= 2) {
            countsAbandoned = true; // nearly every value is distinct: no value is frequent enough to report
        }
    }

    private long totalPresent() {
        return values - missing - blank;
    }

    /** The profile of the values seen so far. */
    public ColumnProfile profile() {
        long present = values - missing - blank;
        ValueKind kind = dominantKind(present);
        boolean numeric = kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL;
        List<ColumnProfile.Counted> top = new ArrayList<>();
        counts.forEach((value, count) -> top.add(new ColumnProfile.Counted(value, count)));
        top.sort(Comparator.comparingLong((ColumnProfile.Counted c) -> -c.count())
                .thenComparing(ColumnProfile.Counted::value));
        List<ColumnProfile.Pattern> patterns = new ArrayList<>();
        shapes.forEach(
                (shape, count) -> patterns.add(new ColumnProfile.Pattern(shape, count, shapeExamples.get(shape))));
        patterns.sort(Comparator.comparingLong((ColumnProfile.Pattern p) -> -p.count())
                .thenComparing(ColumnProfile.Pattern::shape));
        return new ColumnProfile(
                column,
                values,
                missing,
                blank,
                kind,
                kindCounts.clone(),
                present == 0 ? 0 : Math.min(distinct.estimate(), present),
                numeric ? minNumberText : minText,
                numeric ? maxNumberText : maxText,
                numeric && present > 0 ? sum / (kindCounts[0] + kindCounts[1]) : Double.NaN,
                present == 0 ? 0 : minLength,
                maxLength,
                present == 0 ? 0 : (double) totalLength / present,
                List.copyOf(top.subList(0, Math.min(TOP, top.size()))),
                !countsFull,
                List.copyOf(patterns.subList(0, Math.min(TOP, patterns.size()))));
    }

    private ValueKind dominantKind(long present) {
        if (present == 0) {
            return ValueKind.EMPTY;
        }
        long threshold = (long) Math.ceil(present * 0.95);
        long numbers = kindCounts[ValueKind.INTEGER.ordinal()] + kindCounts[ValueKind.DECIMAL.ordinal()];
        if (kindCounts[ValueKind.INTEGER.ordinal()] >= threshold) {
            return ValueKind.INTEGER;
        }
        if (numbers >= threshold) {
            return ValueKind.DECIMAL;
        }
        long dates = kindCounts[ValueKind.DATE.ordinal()] + kindCounts[ValueKind.DATETIME.ordinal()];
        if (kindCounts[ValueKind.DATE.ordinal()] >= threshold) {
            return ValueKind.DATE;
        }
        if (dates >= threshold) {
            return ValueKind.DATETIME;
        }
        if (kindCounts[ValueKind.BOOLEAN.ordinal()] >= threshold) {
            return ValueKind.BOOLEAN;
        }
        return ValueKind.TEXT;
    }

    /** The kind of one present value, from its text and the digits and dots counted in it. */
    static ValueKind kindOf(String value, int digits, int dots) {
        int length = value.length();
        char first = value.charAt(0);
        int start = first == '-' || first == '+' ? 1 : 0;
        int body = length - start;
        if (body > 0 && digits == body && body <= 18) {
            return body > 1 && value.charAt(start) == '0' ? ValueKind.TEXT : ValueKind.INTEGER;
        }
        if (dots == 1 && digits == body - 1 && body > 1 && value.charAt(length - 1) != '.') {
            int dot = value.indexOf('.');
            boolean leadingZeros = dot - start > 1 && value.charAt(start) == '0';
            return leadingZeros || dot == start ? ValueKind.TEXT : ValueKind.DECIMAL;
        }
        if (length >= 10 && digits >= 8 && isDate(value)) {
            if (length == 10) {
                return ValueKind.DATE;
            }
            return isTime(value) ? ValueKind.DATETIME : ValueKind.TEXT;
        }
        if (length <= 5 && isBoolean(value)) {
            return ValueKind.BOOLEAN;
        }
        return ValueKind.TEXT;
    }

    private static boolean isDate(String v) {
        char sep = v.charAt(4);
        if ((sep != '-' && sep != '/') || v.charAt(7) != sep) {
            return false;
        }
        for (int i : DATE_DIGITS) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        int month = (v.charAt(5) - '0') * 10 + (v.charAt(6) - '0');
        int day = (v.charAt(8) - '0') * 10 + (v.charAt(9) - '0');
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isTime(String v) {
        if (v.length() < 16 || (v.charAt(10) != ' ' && v.charAt(10) != 'T') || v.charAt(13) != ':') {
            return false;
        }
        for (int i : TIME_DIGITS) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBoolean(String v) {
        return switch (v) {
            case "true", "false", "TRUE", "FALSE", "True", "False", "是", "否", "Y", "N" -> true;
            default -> false;
        };
    }

    /**
     * The value of a number the kind check accepted (optional sign, digits, at most one point). Up to 15 digits are
     * read exactly as a whole number divided by a power of ten, which IEEE division rounds correctly; longer ones go
     * through {@link Double#parseDouble}.
     */
    static double number(String value) {
        int length = value.length();
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        if (length - i > 15) {
            return Double.parseDouble(value);
        }
        long whole = 0;
        int fraction = -1;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                fraction = 0;
            } else {
                whole = whole * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            }
        }
        double result = fraction > 0 ? whole / POWERS[fraction] : whole;
        return value.charAt(0) == '-' ? -result : result;
    }

    private static final double[] POWERS = {
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16
    };

    private static char shapeOf(char c) {
        if (c >= '0' && c <= '9') {
            return '9';
        }
        if (c >= 'a' && c <= 'z') {
            return 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return 'A';
        }
        if (c >= '\u4e00' && c <= '\u9fff') {
            return '汉';
        }
        return c;
    }

    private String shapeText(String value) {
        int n = Math.min(value.length(), SHAPE_LENGTH);
        for (int i = 0; i < n; i++) {
            shapeChars[i] = shapeOf(value.charAt(i));
        }
        if (value.length() > SHAPE_LENGTH) {
            shapeChars[n++] = '…';
        }
        return new String(shapeChars, 0, n);
    }

    /** The finaliser of MurmurHash3, spreading FNV's bits over the whole word for the distinct-count registers. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
