package city.tds.governance.mask;

import java.time.LocalDate;

/**
 * Algorithm {@code age-band}: replaces an age with the band it falls in, such as {@code 30-39} for width 10 (or
 * {@code 35} for width 1), and every age from {@code top} on with {@code <top>+}, such as {@code 90+}. The value may be
 * an age in whole years ({@code 0} to {@code 150}), a date of birth (layouts of {@link CalendarDate}), or an 18-digit
 * (or old 15-digit) ID number, whose birth date is read; an age from a date is counted on the day given (the day the
 * profile was bound). Anything else, and a birth date after that day, is masked entirely.
 */
public final class AgeBand implements MaskingAlgorithm {

    private final int width;
    private final int top;
    private final LocalDate today;

    /**
     * @param top the first age shown only as {@code top+}, or 0 for no upper band
     */
    public AgeBand(int width, int top, LocalDate today) {
        if (width < 1 || top < 0) {
            throw new IllegalArgumentException("width must be positive and top non-negative");
        }
        this.width = width;
        this.top = top;
        this.today = today;
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int age = age(value.strip());
        if (age < 0) {
            return CodePoints.maskAll(value, '*');
        }
        if (top > 0 && age >= top) {
            return top + "+";
        }
        int low = age / width * width;
        return width == 1 ? Integer.toString(low) : low + "-" + (low + width - 1);
    }

    private int age(String text) {
        int n = text.length();
        if (n >= 1 && n <= 3 && allDigits(text, 0, n)) {
            int age = Integer.parseInt(text);
            return age <= 150 ? age : -1;
        }
        if ((n == 18 && allDigits(text, 0, 17)) || (n == 15 && allDigits(text, 0, 15))) {
            String birth = n == 18 ? text.substring(6, 14) : "19" + text.substring(6, 12);
            return yearsUntilToday(CalendarDate.parse(birth));
        }
        return yearsUntilToday(CalendarDate.parse(text));
    }

    private int yearsUntilToday(CalendarDate birth) {
        if (birth == null) {
            return -1;
        }
        int years = today.getYear() - birth.year();
        if (today.getMonthValue() < birth.month()
                || (today.getMonthValue() == birth.month() && today.getDayOfMonth() < birth.day())) {
            years--;
        }
        return years >= 0 && years <= 150 ? years : -1;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
