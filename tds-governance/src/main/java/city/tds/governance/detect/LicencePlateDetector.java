package city.tds.governance.detect;

/**
 * 机动车号牌 after GA 36: a province abbreviation, an issuing-office letter (A–Z without I and O), an optional
 * separator ({@code ·}, {@code •}, space, hyphen or dot), then a serial of
 *
 * <ul>
 *   <li>5 letters or digits (no I or O, at most 3 letters) for ordinary plates;
 *   <li>6 for new-energy plates: small cars {@code [DABCEFGHJK]} then a letter or digit then 4 digits; large
 *       vehicles 5 digits then {@code D} or {@code F};
 *   <li>4 letters or digits followed by 挂 (trailer), 学 (driving school), 警 (police), 港 or 澳.
 * </ul>
 *
 * <p>Lower-case letters are accepted.
 */
public final class LicencePlateDetector implements Detector {

    private static final CharTable PROVINCES = new CharTable("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼");
    private static final String SUFFIXES = "挂学警港澳";
    private static final String NEW_ENERGY_SMALL = "DABCEFGHJK";
    private static final double CERTAINTY = 0.9;

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.LICENCE_PLATE;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.compactLength();
        return (shape.cjk() == 1 || shape.cjk() == 2)
                && n >= 5
                && n <= 7
                && shape.length() <= 10
                && shape.at() == 0
                && shape.colons() == 0;
    }

    @Override
    public double score(String value, ValueShape shape) {
        int i = shape.start();
        int end = shape.end();
        if (!PROVINCES.contains(value.charAt(i))) {
            return 0;
        }
        i++;
        if (i >= end || !plateLetter(upper(value.charAt(i)))) {
            return 0;
        }
        i++;
        if (i < end && isSeparator(value.charAt(i))) {
            i++;
        }
        int serialLength = end - i;
        char last = value.charAt(end - 1);
        if (SUFFIXES.indexOf(last) >= 0) {
            return serialLength == 5 && serialChars(value, i, end - 1) >= 0 ? CERTAINTY : 0;
        }
        if (serialLength == 5) {
            int letters = serialChars(value, i, end);
            return letters >= 0 && letters <= 3 ? CERTAINTY : 0;
        }
        if (serialLength == 6 && serialChars(value, i, end) >= 0) {
            return newEnergy(value, i) ? CERTAINTY : 0;
        }
        return 0;
    }

    private static boolean newEnergy(String v, int i) {
        char first = upper(v.charAt(i));
        if (NEW_ENERGY_SMALL.indexOf(first) >= 0) {
            return digitsOnly(v, i + 2, i + 6);
        }
        char last = upper(v.charAt(i + 5));
        return (last == 'D' || last == 'F') && digitsOnly(v, i, i + 5);
    }

    /** The number of letters in {@code v[from..to)}, or -1 when a character is neither a plate letter nor a digit. */
    private static int serialChars(String v, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = upper(v.charAt(i));
            if (plateLetter(c)) {
                letters++;
            } else if (c < '0' || c > '9') {
                return -1;
            }
        }
        return letters;
    }

    private static boolean digitsOnly(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean plateLetter(char c) {
        return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O';
    }

    private static boolean isSeparator(char c) {
        return c == '·' || c == '•' || c == ' ' || c == '-' || c == '.' || c == '・';
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
