package city.tds.governance.detect;

/**
 * 统一社会信用代码 after GB 32100-2015 (with amendment 1 of 2016 and the later registration-department codes A and
 * N): 18 characters from {@code 0-9A-HJ-NPQRTUWXY}; a registration department and organisation kind pair that the
 * standard defines (characters 1–2); a six-digit region whose first two digits are a province code or 10 (central
 * registration); a subject identifier (characters 9–17) that is a GB 11714 organisation code with its own MOD 11
 * check character; and the final check character with weights 3^(i-1) mod 31.
 *
 * <p>Lower-case input is upper-cased; spaces are tolerated.
 */
public final class CreditCodeDetector implements Detector {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] VALUE = new int[128];
    private static final int[] WEIGHTS = new int[17];
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] KINDS_BY_DEPARTMENT = new String[128];
    private static final double CERTAINTY = 0.99;

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
        int w = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = w;
            w = (w * 3) % 31;
        }
        KINDS_BY_DEPARTMENT['1'] = "1239"; // 机构编制: 机关, 事业单位, 编办直管群众团体, 其他
        KINDS_BY_DEPARTMENT['2'] = "19"; // 外交: 外国常驻新闻机构, 其他
        KINDS_BY_DEPARTMENT['3'] = "123459"; // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委, 其他
        KINDS_BY_DEPARTMENT['4'] = "19"; // 文化: 外国在华文化中心, 其他
        KINDS_BY_DEPARTMENT['5'] = "1239"; // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        KINDS_BY_DEPARTMENT['6'] = "129"; // 旅游: 外国/港澳台旅游部门常驻机构, 其他
        KINDS_BY_DEPARTMENT['7'] = "129"; // 宗教: 宗教活动场所, 宗教院校, 其他
        KINDS_BY_DEPARTMENT['8'] = "19"; // 工会: 基层工会, 其他
        KINDS_BY_DEPARTMENT['9'] = "123"; // 工商: 企业, 个体工商户, 农民专业合作社
        KINDS_BY_DEPARTMENT['A'] = "19"; // 中央军委改革和编制办公室: 军队事业单位, 其他
        KINDS_BY_DEPARTMENT['N'] = "1239"; // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
        KINDS_BY_DEPARTMENT['Y'] = "1"; // 其他
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.CREDIT_CODE;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        return shape.compactLength() == 18 && shape.hyphens() == 0 && shape.onlyAlphanumericAndSeparators();
    }

    @Override
    public double score(String value, ValueShape shape) {
        return isValid(shape.compact()) ? CERTAINTY : 0;
    }

    /** Whether the first 18 characters of {@code c} (upper case) are a valid credit code. */
    static boolean isValid(char[] c) {
        String kinds = c[0] < 128 ? KINDS_BY_DEPARTMENT[c[0]] : null;
        if (kinds == null || kinds.indexOf(c[1]) < 0) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (c[i] < '0' || c[i] > '9') {
                return false;
            }
        }
        int province = RegionCodes.twoDigits(c, 2);
        if (province != 10 && !RegionCodes.isProvince(province)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = c[i] < 128 ? VALUE[c[i]] : -1;
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check) == c[17] && organisationCodeValid(c, 8);
    }

    /** The check character of a credit code whose first 17 characters are in {@code c}. */
    static char checkCharacter(char[] c) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += VALUE[c[i]] * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static boolean organisationCodeValid(char[] c, int from) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = c[from + i];
            int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return c[from + 8] == expected;
    }
}
