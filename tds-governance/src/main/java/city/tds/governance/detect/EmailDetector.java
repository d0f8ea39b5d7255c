package city.tds.governance.detect;

/**
 * E-mail addresses in the common dot-atom form: a local part of 1–64 characters from letters, digits and
 * {@code !#$%&'*+/=?^_`{|}~-} with single dots not at either end; an {@code @}; a domain of at least two labels, each
 * 1–63 letters, digits or hyphens not starting or ending with a hyphen, the last (top-level) label letters only and
 * at least two long; at most 254 characters in all. Quoted local parts, IP-literal domains and internationalised
 * domains are not recognised.
 */
public final class EmailDetector implements Detector {

    private static final double CERTAINTY = 0.97;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.EMAIL;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        return shape.at() == 1
                && shape.dots() >= 1
                && shape.cjk() == 0
                && shape.spaces() == 0
                && shape.colons() == 0
                && shape.parens() == 0
                && shape.length() >= 6
                && shape.length() <= 254;
    }

    @Override
    public double score(String value, ValueShape shape) {
        int start = shape.start();
        int end = shape.end();
        int at = value.indexOf('@', start);
        if (at < 0 || at >= end) {
            return 0;
        }
        return validLocal(value, start, at) && validDomain(value, at + 1, end) ? CERTAINTY : 0;
    }

    private static boolean validLocal(String v, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 64 || v.charAt(from) == '.' || v.charAt(to - 1) == '.') {
            return false;
        }
        char previous = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    return false;
                }
            } else if (!isAlphanumeric(c) && LOCAL_SPECIALS.indexOf(c) < 0) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean validDomain(String v, int from, int to) {
        if (to - from < 4 || to - from > 253) {
            return false;
        }
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || v.charAt(i) == '.') {
                if (!validLabel(v, labelStart, i)) {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && validTopLevel(v, labelStart, i);
                }
                labelStart = i + 1;
            } else if (!isAlphanumeric(v.charAt(i)) && v.charAt(i) != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean validLabel(String v, int from, int to) {
        return to - from >= 1 && to - from <= 63 && v.charAt(from) != '-' && v.charAt(to - 1) != '-';
    }

    private static boolean validTopLevel(String v, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
