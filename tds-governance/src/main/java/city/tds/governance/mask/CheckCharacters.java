package city.tds.governance.mask;

/**
 * The check characters of Chinese identifiers: the 居民身份证号码 (GB 11643, ISO 7064 MOD 11-2), the 组织机构代码
 * (GB 11714, MOD 11) and the 统一社会信用代码 (GB 32100, MOD 31). Methods take upper-case text.
 */
public final class CheckCharacters {

    /** The 31 characters of a unified social credit code, in order of their value. */
    public static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] CREDIT_WEIGHTS = new int[17];

    static {
        int weight = 1;
        for (int i = 0; i < CREDIT_WEIGHTS.length; i++) {
            CREDIT_WEIGHTS[i] = weight;
            weight = weight * 3 % 31;
        }
    }

    private CheckCharacters() {}

    /** The check character of an ID number whose first 17 characters are digits (positions {@code 0..16}). */
    public static char idNumberCheck(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** Whether {@code id} is 17 digits and its GB 11643 check character ({@code X} in upper case). */
    public static boolean isValidIdNumber(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return id.charAt(17) == idNumberCheck(id);
    }

    /**
     * The GB 11714 check character of the 8 characters at {@code offset} (digits and upper-case letters): a digit, or
     * {@code X} for 10.
     */
    public static char organisationCodeCheck(CharSequence code, int offset) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += alphanumericValue(code.charAt(offset + i)) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The GB 32100 check character of the first 17 characters of a credit code (from {@link #CREDIT_CODE_ALPHABET}). */
    public static char creditCodeCheck(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Whether {@code code} is 18 characters of the credit-code alphabet whose 18th is the GB 32100 check character of
     * the others and whose 9th to 17th form an organisation code with a valid GB 11714 check character.
     */
    public static boolean isValidCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == creditCodeCheck(code) && code.charAt(16) == organisationCodeCheck(code, 8);
    }

    private static int alphanumericValue(char c) {
        return c <= '9' ? c - '0' : c - 'A' + 10;
    }
}
