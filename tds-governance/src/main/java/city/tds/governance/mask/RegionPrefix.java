package city.tds.governance.mask;

/**
 * Algorithm {@code region-prefix}: keeps the first {@code keep} digits of a region code or ID number and replaces
 * every later character with {@code 0}, so only the province ({@code keep} 2) or city ({@code keep} 4) shows:
 * {@code 110105} → {@code 110000}. The value must be digits (an ID number's last character may be {@code X}) and at
 * least {@code keep} long; anything else is masked entirely.
 */
public final class RegionPrefix implements MaskingAlgorithm {

    private final int keep;

    public RegionPrefix(int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative");
        }
        this.keep = keep;
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int n = value.length();
        if (n < keep) {
            return CodePoints.maskAll(value, '*');
        }
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(i == n - 1 && i > 0 && (c == 'X' || c == 'x'))) {
                return CodePoints.maskAll(value, '*');
            }
            out[i] = i < keep ? c : '0';
        }
        return new String(out);
    }
}
