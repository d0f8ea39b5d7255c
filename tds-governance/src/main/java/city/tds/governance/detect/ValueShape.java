package city.tds.governance.detect;

/**
 * The character classes of one value, computed in a single pass so that detectors can reject a value by its shape
 * before doing any real work.
 *
 * <p>Leading and trailing whitespace is ignored: {@link #start()} and {@link #end()} bound the trimmed value. The pass
 * also collects the value's ASCII letters and digits, upper-cased and without separators, into a reusable buffer
 * ({@link #compact()}) of at most {@value #COMPACT_CAPACITY} characters. An instance is mutable and reused for every
 * value of a column; it is not thread-safe.
 */
public final class ValueShape {

    /** Longest run of letters and digits kept in {@link #compact()}; longer values report a compact length of -1. */
    public static final int COMPACT_CAPACITY = 24;

    /** Size of the {@link #scratch()} buffer. */
    public static final int SCRATCH_CAPACITY = 32;

    private final char[] compact = new char[COMPACT_CAPACITY];
    private final char[] scratch = new char[SCRATCH_CAPACITY];
    private int compactLength;
    private int start;
    private int end;
    private int digits;
    private int upper;
    private int lower;
    private int cjk;
    private int at;
    private int dots;
    private int colons;
    private int hyphens;
    private int spaces;
    private int parens;
    private int plus;
    private int other;

    /** Computes the shape of {@code value}, replacing what this instance held before. */
    public ValueShape analyse(String value) {
        int s = 0;
        int e = value.length();
        while (s < e && value.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && value.charAt(e - 1) <= ' ') {
            e--;
        }
        start = s;
        end = e;
        digits = upper = lower = cjk = at = dots = colons = hyphens = spaces = parens = plus = other = 0;
        int n = 0;
        for (int i = s; i < e; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                n = keep(n, c);
            } else if (c >= 'A' && c <= 'Z') {
                upper++;
                n = keep(n, c);
            } else if (c >= 'a' && c <= 'z') {
                lower++;
                n = keep(n, (char) (c - 32));
            } else if (isCjk(c)) {
                cjk++;
            } else {
                switch (c) {
                    case '@' -> at++;
                    case '.' -> dots++;
                    case ':' -> colons++;
                    case '-' -> hyphens++;
                    case ' ' -> spaces++;
                    case '(', ')' -> parens++;
                    case '+' -> plus++;
                    default -> other++;
                }
            }
        }
        compactLength = n;
        return this;
    }

    private int keep(int n, char c) {
        if (n < 0) {
            return n;
        }
        if (n == COMPACT_CAPACITY) {
            return -1;
        }
        compact[n] = c;
        return n + 1;
    }

    /** Whether {@code c} is a CJK unified ideograph (basic block or extension A). */
    public static boolean isCjk(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');
    }

    /** Index of the first non-whitespace character. */
    public int start() {
        return start;
    }

    /** Index after the last non-whitespace character. */
    public int end() {
        return end;
    }

    /** Length of the trimmed value. */
    public int length() {
        return end - start;
    }

    /** The letters (upper-cased) and digits of the value in order; valid up to {@link #compactLength()}. */
    public char[] compact() {
        return compact;
    }

    /**
     * A buffer that a detector may overwrite while it scores the value, so that normalising does not allocate. Its
     * content is undefined between calls.
     */
    public char[] scratch() {
        return scratch;
    }

    /** Number of letters and digits in {@link #compact()}, or -1 when there were more than the capacity. */
    public int compactLength() {
        return compactLength;
    }

    /** ASCII digits. */
    public int digits() {
        return digits;
    }

    /** ASCII letters, either case. */
    public int letters() {
        return upper + lower;
    }

    /** Lower-case ASCII letters. */
    public int lowerCase() {
        return lower;
    }

    /** CJK ideographs. */
    public int cjk() {
        return cjk;
    }

    /** '@' characters. */
    public int at() {
        return at;
    }

    /** '.' characters. */
    public int dots() {
        return dots;
    }

    /** ':' characters. */
    public int colons() {
        return colons;
    }

    /** '-' characters. */
    public int hyphens() {
        return hyphens;
    }

    /** Inner ' ' characters (after trimming). */
    public int spaces() {
        return spaces;
    }

    /** '(' and ')' characters. */
    public int parens() {
        return parens;
    }

    /** '+' characters. */
    public int plus() {
        return plus;
    }

    /** Every character not counted in another class (other punctuation, non-CJK letters, control characters). */
    public int other() {
        return other;
    }

    /** Whether the value has only digits, ASCII letters, spaces and hyphens (no other punctuation or CJK). */
    public boolean onlyAlphanumericAndSeparators() {
        return cjk == 0 && at == 0 && dots == 0 && colons == 0 && parens == 0 && plus == 0 && other == 0;
    }
}
