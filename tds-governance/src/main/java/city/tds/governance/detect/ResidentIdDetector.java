package city.tds.governance.detect;

import java.time.Clock;
import java.time.LocalDate;

/**
 * 居民身份证号 after GB 11643: 17 digits and a check character (ISO 7064 MOD 11-2, {@code X} for 10), a plausible
 * county-level region ({@link RegionCodes}) and a real birth date between 1900-01-01 and today.
 *
 * <p>The old 15-digit form (region, {@code yymmdd} taken as 19yy, three-digit sequence; no check digit) is accepted
 * only when its region and date are valid, with a lower certainty, since nothing else checks it. Spaces between the
 * parts are tolerated; a lower-case {@code x} is accepted.
 */
public final class ResidentIdDetector implements Detector {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final double CERTAINTY_18 = 0.99;
    private static final double CERTAINTY_15 = 0.8;

    private final int latestDate;

    /** Birth dates may not lie after today's date in {@code clock}, read once when this detector is made. */
    public ResidentIdDetector(Clock clock) {
        this(LocalDate.now(clock));
    }

    /** Birth dates may not lie after {@code latestBirthDate}. */
    public ResidentIdDetector(LocalDate latestBirthDate) {
        this.latestDate = latestBirthDate.getYear() * 10000
                + latestBirthDate.getMonthValue() * 100
                + latestBirthDate.getDayOfMonth();
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.RESIDENT_ID;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.compactLength();
        return (n == 18 || n == 15)
                && shape.digits() >= n - 1
                && shape.hyphens() == 0
                && shape.onlyAlphanumericAndSeparators();
    }

    @Override
    public double score(String value, ValueShape shape) {
        char[] c = shape.compact();
        int n = shape.compactLength();
        if (n == 18) {
            return isValid18(c) ? CERTAINTY_18 : 0;
        }
        if (n == 15 && shape.digits() == 15) {
            return isValid15(c) ? CERTAINTY_15 : 0;
        }
        return 0;
    }

    /** The check character for the first 17 digits in {@code c}. */
    static char checkCharacter(char[] c) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (c[i] - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private boolean isValid18(char[] c) {
        for (int i = 0; i < 17; i++) {
            if (c[i] < '0' || c[i] > '9') {
                return false;
            }
        }
        return checkCharacter(c) == c[17]
                && RegionCodes.isCountyLevel(c, 0)
                && isPlausibleDate(digits(c, 6, 4), digits(c, 10, 2), digits(c, 12, 2));
    }

    private boolean isValid15(char[] c) {
        return RegionCodes.isCountyLevel(c, 0)
                && isPlausibleDate(1900 + digits(c, 6, 2), digits(c, 8, 2), digits(c, 10, 2));
    }

    private boolean isPlausibleDate(int year, int month, int day) {
        if (year < 1900 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        if (day > daysInMonth(year, month)) {
            return false;
        }
        return year * 10000 + month * 100 + day <= latestDate;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (c[i] - '0');
        }
        return v;
    }
}
