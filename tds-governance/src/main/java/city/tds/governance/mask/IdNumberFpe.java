package city.tds.governance.mask;

import city.tds.crypto.SuiteId;

/**
 * Algorithm {@code fpe-id}: replaces an 18-character 居民身份证号码 with another that is well formed, under a key.
 *
 * <p>The six-digit region code and the birth year stay; the birth day within the year and the three-digit sequence
 * number (which also carries the sex) are encrypted together with FF1 ({@link Ff1Cipher}), the region and year as
 * tweak: the pair is read as {@code dayOfYear * 1000 + sequence}, a number below {@code daysInYear * 1000}, written as
 * six decimal digits, and encrypted again while the result lies outside that range (cycle walking). The result is a
 * real date of the same year and a new sequence number, followed by a freshly computed GB 11643 check character. Since
 * FF1 is a permutation, different ID numbers always give different results, so masked columns join exactly; like any
 * permutation it can, rarely (about once in 365,000), leave a number unchanged.
 *
 * <p>A value that is not a valid ID number (not 18 characters, a wrong check character, a province code that does not
 * exist, a birth date that is impossible or outside the years 1850 to 2100) is masked entirely with {@code *}. A lower-case {@code x} is read as {@code X}.
 */
public final class IdNumberFpe implements MaskingAlgorithm {

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

    private final Ff1Cipher cipher;

    public IdNumberFpe(SuiteId suite, byte[] maskingKey) {
        this.cipher = new Ff1Cipher(suite, maskingKey, "fpe-id", 10);
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String id = value.length() == 18 && value.charAt(17) == 'x' ? value.substring(0, 17) + 'X' : value;
        if (!CheckCharacters.isValidIdNumber(id) || !isProvince(digits(id, 0, 2))) {
            return CodePoints.maskAll(value, '*');
        }
        int year = digits(id, 6, 4);
        int month = digits(id, 10, 2);
        int day = digits(id, 12, 2);
        boolean leap = isLeap(year);
        if (year < 1850 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(month, leap)) {
            return CodePoints.maskAll(value, '*');
        }
        int days = leap ? 366 : 365;
        int number = (dayOfYear(month, day, leap) - 1) * 1000 + digits(id, 14, 3);
        byte[] tweak = new byte[10];
        for (int i = 0; i < 10; i++) {
            tweak[i] = (byte) id.charAt(i);
        }
        byte[] block = new byte[6];
        do {
            for (int i = 5; i >= 0; i--) {
                block[i] = (byte) (number % 10);
                number /= 10;
            }
            cipher.encrypt(tweak, block);
            number = 0;
            for (byte digit : block) {
                number = number * 10 + digit;
            }
        } while (number >= days * 1000);
        char[] out = new char[18];
        id.getChars(0, 10, out, 0);
        int newDay = number / 1000 + 1;
        int newMonth = 1;
        while (newDay > DAYS_BEFORE_MONTH[newMonth] + (leap && newMonth >= 2 ? 1 : 0)) {
            newMonth++;
        }
        int dayOfMonth = newDay - DAYS_BEFORE_MONTH[newMonth - 1] - (leap && newMonth > 2 ? 1 : 0);
        write(out, 10, newMonth, 2);
        write(out, 12, dayOfMonth, 2);
        write(out, 14, number % 1000, 3);
        out[17] = CheckCharacters.idNumberCheck(new String(out, 0, 17));
        return new String(out);
    }

    static boolean isProvince(int code) {
        return (code >= 11 && code <= 15)
                || (code >= 21 && code <= 23)
                || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46)
                || (code >= 50 && code <= 54)
                || (code >= 61 && code <= 65)
                || code == 71
                || code == 81
                || code == 82
                || code == 83;
    }

    static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    static int daysInMonth(int month, boolean leap) {
        return DAYS_BEFORE_MONTH[month] - DAYS_BEFORE_MONTH[month - 1] + (leap && month == 2 ? 1 : 0);
    }

    private static int dayOfYear(int month, int day, boolean leap) {
        return DAYS_BEFORE_MONTH[month - 1] + (leap && month > 2 ? 1 : 0) + day;
    }

    static int digits(CharSequence text, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + text.charAt(i) - '0';
        }
        return n;
    }

    private static void write(char[] out, int at, int number, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + number % 10);
            number /= 10;
        }
    }
}
