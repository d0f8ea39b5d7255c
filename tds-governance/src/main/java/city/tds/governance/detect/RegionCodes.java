package city.tds.governance.detect;

/**
 * Plausibility of GB/T 2260 administrative division codes as they appear in ID numbers and credit codes.
 *
 * <p>The first two digits must be a province-level code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, and 83
 * for the residence permits of Taiwan residents). For 71, 81, 82 and 83 the remaining four digits must be 0000. For
 * the others the prefecture part (digits 3–4) must be 01–70 or 90 (province-administered counties). The county part
 * (digits 5–6) is not restricted: prefecture-level cities without counties (东莞 441900, 中山 442000, 嘉峪关 620200)
 * issue numbers ending in 00.
 */
final class RegionCodes {

    private static final boolean[] PROVINCES = new boolean[100];

    static {
        int[][] ranges = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 83}};
        for (int[] range : ranges) {
            for (int p = range[0]; p <= range[1]; p++) {
                PROVINCES[p] = true;
            }
        }
    }

    private RegionCodes() {}

    static boolean isProvince(int code) {
        return code >= 0 && code < 100 && PROVINCES[code];
    }

    /** Whether the six digits at {@code c[from..from+6)} are a plausible county-level code. */
    static boolean isCountyLevel(char[] c, int from) {
        int province = twoDigits(c, from);
        if (!isProvince(province)) {
            return false;
        }
        int prefecture = twoDigits(c, from + 2);
        int county = twoDigits(c, from + 4);
        if (province == 71 || province >= 81) {
            return prefecture == 0 && county == 0;
        }
        return county >= 0 && ((prefecture >= 1 && prefecture <= 70) || prefecture == 90);
    }

    static int twoDigits(char[] c, int from) {
        int hi = c[from] - '0';
        int lo = c[from + 1] - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
            return -1;
        }
        return hi * 10 + lo;
    }
}
