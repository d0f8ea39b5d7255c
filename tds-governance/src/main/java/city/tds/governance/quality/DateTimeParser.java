package city.tds.governance.quality;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Reads dates and timestamps from text on the hot path of a scan, without throwing and, for zones without daylight
 * saving today, without allocating. Accepted: {@code yyyy-M-d} or {@code yyyy/M/d}, optionally followed by
 * {@code T} or a space and {@code H:mm}, {@code H:mm:ss} or {@code H:mm:ss.fraction}, optionally followed by
 * {@code Z} or an offset ({@code +08:00}, {@code +0800}, {@code +08}). Values without an offset are read in the
 * parser's zone. Surrounding spaces are ignored.
 */
final class DateTimeParser {

    /** What {@link #parse(String)} answers for text that is not a date. */
    static final long NOT_A_DATE = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final ZoneId zone;
    private final long fixedSinceLocalSecond;
    private final int fixedOffsetSeconds;

    DateTimeParser(ZoneId zone) {
        this.zone = zone;
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            fixedSinceLocalSecond = Long.MIN_VALUE;
            fixedOffsetSeconds = rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        } else if (rules.getTransitionRules().isEmpty()
                && !rules.getTransitions().isEmpty()) {
            List<ZoneOffsetTransition> transitions = rules.getTransitions();
            ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
            LocalDateTime after = last.getDateTimeAfter().isAfter(last.getDateTimeBefore())
                    ? last.getDateTimeAfter()
                    : last.getDateTimeBefore();
            fixedSinceLocalSecond = after.toEpochSecond(java.time.ZoneOffset.UTC);
            fixedOffsetSeconds = last.getOffsetAfter().getTotalSeconds();
        } else {
            fixedSinceLocalSecond = Long.MAX_VALUE;
            fixedOffsetSeconds = 0;
        }
    }

    /** Milliseconds since the epoch of the instant {@code text} names, or {@link #NOT_A_DATE}. */
    long parse(String text) {
        int end = text.length();
        int i = 0;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        while (end > i && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end - i < 8) {
            return NOT_A_DATE;
        }
        int year = digits(text, i, 4);
        if (year < 0) {
            return NOT_A_DATE;
        }
        i += 4;
        char separator = text.charAt(i);
        if (separator != '-' && separator != '/') {
            return NOT_A_DATE;
        }
        i++;
        int monthLength = numberLength(text, i, end);
        int month = monthLength == 0 || monthLength > 2 ? -1 : digits(text, i, monthLength);
        i += monthLength;
        if (month < 1 || month > 12 || i >= end || text.charAt(i) != separator) {
            return NOT_A_DATE;
        }
        i++;
        int dayLength = numberLength(text, i, end);
        int day = dayLength == 0 || dayLength > 2 ? -1 : digits(text, i, dayLength);
        i += dayLength;
        if (day < 1 || day > DAYS_IN_MONTH[month - 1] || (month == 2 && day == 29 && !isLeap(year))) {
            return NOT_A_DATE;
        }
        long secondOfDay = 0;
        int millis = 0;
        boolean hasOffset = false;
        int offsetSeconds = 0;
        if (i < end && (text.charAt(i) == 'T' || text.charAt(i) == ' ')) {
            i++;
            int hourLength = numberLength(text, i, end);
            int hour = hourLength == 0 || hourLength > 2 ? -1 : digits(text, i, hourLength);
            i += hourLength;
            if (hour < 0 || hour > 23 || i + 3 > end || text.charAt(i) != ':') {
                return NOT_A_DATE;
            }
            int minute = digits(text, i + 1, 2);
            i += 3;
            if (minute < 0 || minute > 59) {
                return NOT_A_DATE;
            }
            int second = 0;
            if (i < end && text.charAt(i) == ':') {
                second = i + 3 <= end ? digits(text, i + 1, 2) : -1;
                i += 3;
                if (second < 0 || second > 59) {
                    return NOT_A_DATE;
                }
                if (i < end && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
                    i++;
                    int fractionLength = numberLength(text, i, end);
                    if (fractionLength == 0 || fractionLength > 9) {
                        return NOT_A_DATE;
                    }
                    int fraction = digits(text, i, Math.min(3, fractionLength));
                    for (int scale = fractionLength; scale < 3; scale++) {
                        fraction *= 10;
                    }
                    millis = fraction;
                    i += fractionLength;
                }
            }
            secondOfDay = hour * 3600L + minute * 60L + second;
            if (i < end) {
                char sign = text.charAt(i);
                if (sign == 'Z' && i + 1 == end) {
                    hasOffset = true;
                    i++;
                } else if (sign == '+' || sign == '-') {
                    offsetSeconds = offset(text, i + 1, end);
                    if (offsetSeconds < 0) {
                        return NOT_A_DATE;
                    }
                    offsetSeconds = sign == '-' ? -offsetSeconds : offsetSeconds;
                    hasOffset = true;
                    i = end;
                }
            }
        }
        if (i != end) {
            return NOT_A_DATE;
        }
        long localSecond = epochDay(year, month, day) * 86_400L + secondOfDay;
        long epochSecond;
        if (hasOffset) {
            epochSecond = localSecond - offsetSeconds;
        } else if (localSecond >= fixedSinceLocalSecond) {
            epochSecond = localSecond - fixedOffsetSeconds;
        } else {
            epochSecond = LocalDateTime.ofEpochSecond(localSecond, 0, java.time.ZoneOffset.UTC)
                    .atZone(zone)
                    .toEpochSecond();
        }
        return epochSecond * 1000 + millis;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date. */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Seconds of an offset {@code HH}, {@code HHmm} or {@code HH:mm} from {@code start} to {@code end}, or -1. */
    private static int offset(String text, int start, int end) {
        int length = end - start;
        int hours = length >= 2 ? digits(text, start, 2) : -1;
        int minutes;
        if (length == 2) {
            minutes = 0;
        } else if (length == 4) {
            minutes = digits(text, start + 2, 2);
        } else if (length == 5 && text.charAt(start + 2) == ':') {
            minutes = digits(text, start + 3, 2);
        } else {
            return -1;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return -1;
        }
        return hours * 3600 + minutes * 60;
    }

    /** How many ASCII digits (at most nine) start at {@code start}. */
    private static int numberLength(String text, int start, int end) {
        int length = 0;
        while (start + length < end && length < 9 && isDigit(text.charAt(start + length))) {
            length++;
        }
        return length;
    }

    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
