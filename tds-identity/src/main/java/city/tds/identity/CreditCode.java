package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.Result;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from {@code 0-9} and the capitals without I, O, Z, S and V. Position 1
 * is the registration authority, 2 the organisation kind, 3 to 8 the administrative region (digits), 9 to 17 the
 * organisation code and 18 the check character: {@code 31 - (sum of value(c_i) * 3^(i-1) mod 31) mod 31}, written
 * with the same alphabet.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static Result<CreditCode> parse(String text) {
        if (text == null || text.isBlank()) {
            return invalid("the credit code (统一社会信用代码) is missing");
        }
        String code = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            return invalid("a credit code has 18 characters, '" + code + "' has " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return invalid("character " + (i + 1) + " of the credit code, '" + code.charAt(i)
                        + "', is not allowed (digits and capitals except I, O, Z, S, V)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return invalid("characters 3 to 8 of the credit code are the region code and must be digits");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return invalid("the check character of credit code " + code + " is wrong: expected '" + expected
                    + "', got '" + code.charAt(17) + "'");
        }
        return Result.ok(new CreditCode(code));
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static Result<CreditCode> invalid(String detail) {
        return Result.fail(Problem.invalidInput("invalid-credit-code", detail));
    }

    @Override
    public String toString() {
        return value;
    }
}
