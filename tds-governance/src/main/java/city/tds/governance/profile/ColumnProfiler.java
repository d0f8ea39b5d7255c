package city.tds.governance.profile;

import java.math.BigDecimal;
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
    private static final int KINDS = ValueKind.values().length;
    private static final int[] DATE_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9};
    private static final int[] TIME_DIGITS = {11, 12, 14, 15};

    private final String column;
    private final HyperLogLog distinct = new HyperLogLog();
    private final long[] kindCounts = new long[KINDS];
    private final Map<String, long[]> counts = new HashMap<>();
    private boolean countsFull;
    private final Map<Long, Shape> shapes = new HashMap<>();
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
            double number = kind == ValueKind.INTEGER && length < 16 ? Long.parseLong(value) : parse(value);
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
        count(value);
        countShape(shapeHash, value);
    }

    private void count(String value) {
        long[] counter = counts.get(value);
        if (counter != null) {
            counter[0]++;
        } else if (counts.size() < TRACKED_VALUES) {
            counts.put(value, new long[] {1});
        } else {
            countsFull = true;
        }
    }

    private void countShape(long shapeHash, String value) {
        Shape shape = shapes.get(shapeHash);
        if (shape != null) {
            shape.count++;
        } else if (shapes.size() < TRACKED_PATTERNS) {
            shapes.put(shapeHash, new Shape(shapeText(value), value));
        }
    }

    /** The profile of the values seen so far. */
    public ColumnProfile profile() {
        long present = values - missing - blank;
        ValueKind kind = dominantKind(present);
        boolean numeric = kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL;
        List<ColumnProfile.Counted> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(c -> -c[0]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new ColumnProfile.Counted(e.getKey(), e.getValue()[0]))
                .toList();
        List<ColumnProfile.Pattern> patterns = new ArrayList<>();
        shapes.values().stream()
                .sorted(Comparator.comparingLong((Shape s) -> -s.count).thenComparing(s -> s.text))
                .limit(TOP)
                .forEach(s -> patterns.add(new ColumnProfile.Pattern(s.text, s.count, s.example)));
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
                top,
                !countsFull,
                List.copyOf(patterns));
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

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return new BigDecimal(value).doubleValue();
        }
    }

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

    private static final class Shape {
        final String text;
        final String example;
        long count = 1;

        Shape(String text, String example) {
            this.text = text;
            this.example = example;
        }
    }
}
