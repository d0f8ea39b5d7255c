package city.tds.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listed product's registration code (登记编号): the space's code, the year of listing, a serial number within the
 * year and a check character, e.g. {@code SH-TDS-2026-000123-K}. The check character is ISO/IEC 7064 MOD 37,36 over
 * the code's letters and digits, so that a mistyped or transposed character is caught.
 */
public record RegistrationCode(String spaceCode, int year, long serial, char check) {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SPACE_CODE = Pattern.compile("[A-Z0-9]{2,8}(-[A-Z0-9]{1,8}){0,2}");
    private static final Pattern FORMAT =
            Pattern.compile("(" + SPACE_CODE.pattern() + ")-(\\d{4})-(\\d{6})-([0-9A-Z])");

    public RegistrationCode {
        if (!validSpaceCode(spaceCode)) {
            throw new IllegalArgumentException("space code must be 2-8 upper-case letters or digits: " + spaceCode);
        }
        if (serial < 1 || serial > 999_999) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
    }

    public static boolean validSpaceCode(String code) {
        return code != null && SPACE_CODE.matcher(code).matches();
    }

    /** A new code with its check character computed. */
    public static RegistrationCode issue(String spaceCode, int year, long serial) {
        String body = body(spaceCode, year, serial);
        return new RegistrationCode(spaceCode, year, serial, checkCharacter(body));
    }

    /** Reads a code, accepting lower case; empty if it is malformed or its check character is wrong. */
    public static Optional<RegistrationCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int groups = m.groupCount();
        String space = m.group(1);
        int year = Integer.parseInt(m.group(groups - 2));
        long serial = Long.parseLong(m.group(groups - 1));
        char check = m.group(groups).charAt(0);
        if (serial < 1 || checkCharacter(body(space, year, serial)) != check) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationCode(space, year, serial, check));
    }

    /** ISO/IEC 7064 MOD 37,36: the character that makes the hybrid system's check come out right. */
    static char checkCharacter(String body) {
        int m = 36;
        int p = m;
        for (char c : body.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                continue; // separators carry no weight
            }
            int s = (p % (m + 1)) + value;
            s = s % m == 0 ? m : s % m;
            p = (2 * s) % (m + 1);
        }
        int check = (m + 1 - p) % m;
        return ALPHABET.charAt(check);
    }

    private static String body(String spaceCode, int year, long serial) {
        return String.format(Locale.ROOT, "%s-%04d-%06d", spaceCode, year, serial);
    }

    @Override
    public String toString() {
        return body(spaceCode, year, serial) + "-" + check;
    }
}
