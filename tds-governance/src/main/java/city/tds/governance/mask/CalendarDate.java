package city.tds.governance.mask;

/**
 * A date read from the start of a text in one of the common layouts: {@code yyyy-MM-dd}, {@code yyyy/MM/dd},
 * {@code yyyy.MM.dd} (month and day of one or two digits), {@code yyyyMMdd} or {@code yyyy年M月d日}, optionally
 * followed by a time after a space or {@code T}.
 *
 * @param separator {@code '-'}, {@code '/'}, {@code '.'}, {@code '年'} or {@code 0} for the compact layout
 */
record CalendarDate(int year, int month, int day, char separator) {

    /** The date at the start of {@code text}, or {@code null} when there is none or it does not exist. */
    static CalendarDate parse(String text) {
        int n = text.length();
        if (n < 8 || !digits(text, 0, 4)) {
            return null;
        }
        int year = IdNumberFpe.digits(text, 0, 4);
        char separator = text.charAt(4);
        int month;
        int day;
        int end;
        if (separator >= '0' && separator <= '9') {
            if (!digits(text, 4, 4) || (n > 8 && !isTimeStart(text.charAt(8)))) {
                return null;
            }
            month = IdNumberFpe.digits(text, 4, 2);
            day = IdNumberFpe.digits(text, 6, 2);
            return valid(year, month, day) ? new CalendarDate(year, month, day, (char) 0) : null;
        }
        if (separator != '-' && separator != '/' && separator != '.' && separator != '年') {
            return null;
        }
        int monthEnd = digitRun(text, 5);
        if (monthEnd == 5 || monthEnd > 7 || monthEnd >= n) {
            return null;
        }
        month = IdNumberFpe.digits(text, 5, monthEnd - 5);
        char second = separator == '年' ? '月' : separator;
        if (text.charAt(monthEnd) != second) {
            return null;
        }
        int dayEnd = digitRun(text, monthEnd + 1);
        if (dayEnd == monthEnd + 1 || dayEnd > monthEnd + 3) {
            return null;
        }
        day = IdNumberFpe.digits(text, monthEnd + 1, dayEnd - monthEnd - 1);
        end = dayEnd;
        if (separator == '年') {
            if (end >= n || text.charAt(end) != '日') {
                return null;
            }
            end++;
        }
        if (end < n && !isTimeStart(text.charAt(end))) {
            return null;
        }
        return valid(year, month, day) ? new CalendarDate(year, month, day, separator) : null;
    }

    /** The date cut to {@code unit} in the layout it was read in, e.g. {@code 2024-05} or {@code 2024年05月}. */
    String truncated(DateTruncation.Unit unit) {
        StringBuilder out = new StringBuilder(12).append(year);
        if (separator == '年') {
            out.append('年');
        }
        if (unit == DateTruncation.Unit.YEAR) {
            return out.toString();
        }
        appendTwo(out.append(separator == '年' || separator == 0 ? "" : String.valueOf(separator)), month);
        if (separator == '年') {
            out.append('月');
        }
        if (unit == DateTruncation.Unit.MONTH) {
            return out.toString();
        }
        appendTwo(out.append(separator == '年' || separator == 0 ? "" : String.valueOf(separator)), day);
        if (separator == '年') {
            out.append('日');
        }
        return out.toString();
    }

    private static void appendTwo(StringBuilder out, int number) {
        out.append((char) ('0' + number / 10)).append((char) ('0' + number % 10));
    }

    private static boolean valid(int year, int month, int day) {
        return year >= 1
                && month >= 1
                && month <= 12
                && day >= 1
                && day <= IdNumberFpe.daysInMonth(month, IdNumberFpe.isLeap(year));
    }

    private static boolean isTimeStart(char c) {
        return c == ' ' || c == 'T';
    }

    private static boolean digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digitRun(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
