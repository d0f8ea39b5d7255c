package city.tds.governance.detect;

/**
 * Mainland mobile numbers: 11 digits starting with a three-digit segment that is allocated to public mobile service
 * (the list ships as {@code mobile-segments.txt}), optionally preceded by {@code +86}, {@code 86} or {@code 0086};
 * spaces and hyphens anywhere are ignored. IoT-only segments (13-digit numbers) are not in the list.
 */
public final class MobileDetector implements Detector {

    private static final double CERTAINTY = 0.95;

    private static final class Segments {
        static final boolean[] ALLOCATED = load();

        private static boolean[] load() {
            boolean[] allocated = new boolean[200];
            for (String line : DetectResources.lines("mobile-segments.txt")) {
                String[] range = line.split("-");
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int s = from; s <= to; s++) {
                    allocated[s] = true;
                }
            }
            return allocated;
        }
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.MOBILE;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.digits();
        return (n == 11 || n == 13 || n == 15)
                && shape.letters() == 0
                && shape.plus() <= 1
                && shape.cjk() == 0
                && shape.at() == 0
                && shape.dots() == 0
                && shape.colons() == 0
                && shape.parens() == 0
                && shape.other() == 0;
    }

    @Override
    public double score(String value, ValueShape shape) {
        char[] c = shape.compact();
        int n = shape.compactLength();
        int from = n - 11;
        if (n == 13 && !(c[0] == '8' && c[1] == '6')) {
            return 0;
        }
        if (n == 15 && !(c[0] == '0' && c[1] == '0' && c[2] == '8' && c[3] == '6')) {
            return 0;
        }
        if (shape.plus() == 1 && (n != 13 || value.charAt(shape.start()) != '+')) {
            return 0;
        }
        return isMobile(c, from) ? CERTAINTY : 0;
    }

    /** Whether the 11 digits at {@code c[from..]} are a mobile number in an allocated segment. */
    static boolean isMobile(char[] c, int from) {
        if (c[from] != '1') {
            return false;
        }
        int segment = 100 + (c[from + 1] - '0') * 10 + (c[from + 2] - '0');
        return Segments.ALLOCATED[segment];
    }
}
