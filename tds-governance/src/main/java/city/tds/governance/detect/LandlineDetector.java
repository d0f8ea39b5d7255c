package city.tds.governance.detect;

/**
 * Mainland fixed-line numbers: a real area code (the list ships as {@code area-codes.txt}: 010, 02x and 0xxx), a
 * subscriber number of 8 digits (after a three-digit code) or 7–8 digits (after a four-digit code) that does not
 * start with 0 or 1, and an optional extension of 1–6 digits after {@code -}, {@code 转}, {@code 分机}, {@code ext},
 * {@code x} or {@code #}. Separators may be hyphens, spaces and parentheses around the area code; the area code may
 * also be written {@code +86} / {@code 0086} followed by the code without its leading 0.
 *
 * <p>Numbers without an area code are not reported: eight bare digits are too ambiguous.
 */
public final class LandlineDetector implements Detector {

    private static final double CERTAINTY = 0.9;
    private static final int MAX_DIGITS = ValueShape.SCRATCH_CAPACITY;

    private static final class AreaCodes {
        static final boolean[] THREE = new boolean[1000];
        static final boolean[] FOUR = new boolean[10000];

        static {
            for (String line : DetectResources.lines("area-codes.txt")) {
                for (String code : line.split("\\s+")) {
                    if (code.length() == 3) {
                        THREE[Integer.parseInt(code)] = true;
                    } else if (code.length() == 4) {
                        FOUR[Integer.parseInt(code)] = true;
                    } else {
                        throw new IllegalStateException("bad area code " + code);
                    }
                }
            }
        }
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.LANDLINE;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.digits();
        return n >= 10
                && n <= 20
                && shape.letters() <= 3
                && shape.cjk() <= 2
                && shape.at() == 0
                && shape.dots() == 0
                && shape.colons() == 0
                && shape.other() <= 1;
    }

    @Override
    public double score(String value, ValueShape shape) {
        char[] main = shape.scratch();
        int mainLength = 0;
        int lastGroupStart = -1;
        boolean lastGroupAfterHyphen = false;
        int extension = 0;
        boolean inExtension = false;
        boolean international = false;
        int i = shape.start();
        int end = shape.end();
        if (value.startsWith("+86", i)) {
            international = true;
            i += 3;
        } else if (value.startsWith("(+86)", i)) {
            international = true;
            i += 5;
        } else if (value.startsWith("0086", i) && i + 4 < end && !Character.isDigit(value.charAt(i + 4))) {
            international = true;
            i += 4;
        }
        if (international) {
            main[mainLength++] = '0';
        }
        boolean previousDigit = false;
        boolean afterHyphen = false;
        for (; i < end; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (inExtension) {
                    extension++;
                } else {
                    if (!previousDigit) {
                        lastGroupStart = mainLength;
                        lastGroupAfterHyphen = afterHyphen;
                        afterHyphen = false;
                    }
                    if (mainLength == MAX_DIGITS) {
                        return 0;
                    }
                    main[mainLength++] = c;
                }
                previousDigit = true;
                continue;
            }
            previousDigit = false;
            if (c == '-' || c == ' ' || c == '(' || c == ')') {
                if (inExtension && extension > 0) {
                    return 0;
                }
                afterHyphen |= c == '-';
                continue;
            }
            if (inExtension) {
                return 0;
            }
            int marker = extensionMarker(value, i, end);
            if (marker == 0) {
                return 0;
            }
            inExtension = true;
            i += marker - 1;
        }
        if (inExtension && (extension == 0 || extension > 6)) {
            return 0;
        }
        if (isLandline(main, mainLength)) {
            return CERTAINTY;
        }
        if (!inExtension && lastGroupAfterHyphen && lastGroupStart > 0) {
            int tail = mainLength - lastGroupStart;
            if (tail <= 6 && isLandline(main, lastGroupStart)) {
                return CERTAINTY;
            }
        }
        return 0;
    }

    private static int extensionMarker(String value, int i, int end) {
        char c = value.charAt(i);
        if (c == '转' || c == '#' || c == 'x' || c == 'X') {
            return 1;
        }
        if (c == '分' && i + 1 < end && value.charAt(i + 1) == '机') {
            return 2;
        }
        if (value.regionMatches(true, i, "ext", 0, 3)) {
            return i + 3 < end && value.charAt(i + 3) == '.' ? 4 : 3;
        }
        return 0;
    }

    /** Whether {@code d[0..n)} is an area code followed by a valid subscriber number. */
    static boolean isLandline(char[] d, int n) {
        if (n < 10 || n > 12 || d[0] != '0') {
            return false;
        }
        int three = (d[1] - '0') * 10 + (d[2] - '0');
        int area;
        if (AreaCodes.THREE[three]) {
            area = 3;
        } else if (AreaCodes.FOUR[three * 10 + (d[3] - '0')]) {
            area = 4;
        } else {
            return false;
        }
        int subscriber = n - area;
        if (area == 3 ? subscriber != 8 : (subscriber < 7 || subscriber > 8)) {
            return false;
        }
        return d[area] >= '2';
    }
}
