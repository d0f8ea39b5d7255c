package city.tds.governance.detect;

/**
 * IP addresses, parsed by hand (never through name resolution): IPv4 as a dotted quad of decimal numbers 0–255
 * without leading zeros; IPv6 as up to eight groups of 1–4 hex digits with at most one {@code ::}, optionally ending
 * in an embedded IPv4 address. Zone identifiers ({@code %eth0}), prefix lengths and brackets are not accepted.
 */
public final class IpAddressDetector implements Detector {

    private static final double CERTAINTY_V4 = 0.9;
    private static final double CERTAINTY_V6 = 0.95;

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.IP_ADDRESS;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        if (shape.cjk() != 0 || shape.spaces() != 0 || shape.at() != 0 || shape.other() != 0) {
            return false;
        }
        if (shape.colons() == 0) {
            return shape.dots() == 3 && shape.digits() == shape.length() - 3 && shape.length() <= 15;
        }
        return shape.colons() >= 2 && shape.length() <= 45 && shape.hyphens() == 0 && shape.parens() == 0;
    }

    @Override
    public double score(String value, ValueShape shape) {
        int start = shape.start();
        int end = shape.end();
        if (shape.colons() == 0) {
            return isIpv4(value, start, end) ? CERTAINTY_V4 : 0;
        }
        return isIpv6(value, start, end) ? CERTAINTY_V6 : 0;
    }

    static boolean isIpv4(String v, int from, int to) {
        int parts = 0;
        int i = from;
        while (i <= to) {
            int partStart = i;
            int number = 0;
            while (i < to && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                number = number * 10 + (v.charAt(i) - '0');
                i++;
                if (i - partStart > 3) {
                    return false;
                }
            }
            int length = i - partStart;
            if (length == 0 || number > 255 || (length > 1 && v.charAt(partStart) == '0')) {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (v.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
        return false;
    }

    static boolean isIpv6(String v, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (v.startsWith("::", i)) {
            compressed = true;
            i += 2;
            if (i == to) {
                return true;
            }
        } else if (i < to && v.charAt(i) == ':') {
            return false;
        }
        while (i < to) {
            int groupStart = i;
            while (i < to && hex(v.charAt(i)) && i - groupStart < 5) {
                i++;
            }
            int length = i - groupStart;
            if (i < to && v.charAt(i) == '.') {
                return (compressed ? groups <= 5 : groups == 6) && isIpv4(v, groupStart, to);
            }
            if (length == 0 || length > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (v.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && v.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
