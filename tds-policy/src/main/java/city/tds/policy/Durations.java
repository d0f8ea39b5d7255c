package city.tds.policy;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes {@code xsd:duration} values of fixed length: days, hours, minutes and seconds. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d{1,9})?)S)?)?");

    private Durations() {}

    static Result<Duration> parse(String text) {
        if (text.startsWith("-")) {
            return invalid("a duration must not be negative; got '" + text + "'");
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || text.equals("P") || text.endsWith("T")) {
            return invalid("'" + text + "' is not an xsd:duration such as P30D or PT12H");
        }
        if (m.group(1) != null || m.group(2) != null) {
            return invalid("'" + text + "' counts years or months, which have no fixed length;"
                    + " give the duration in days, hours, minutes and seconds, e.g. P30D");
        }
        try {
            Duration duration = Duration.ofDays(number(m.group(3)))
                    .plusHours(number(m.group(4)))
                    .plusMinutes(number(m.group(5)));
            if (m.group(6) != null) {
                BigDecimal seconds = new BigDecimal(m.group(6));
                duration = duration.plusSeconds(seconds.toBigInteger().longValueExact())
                        .plusNanos(seconds.remainder(BigDecimal.ONE)
                                .movePointRight(9)
                                .longValueExact());
            }
            return Result.ok(duration);
        } catch (ArithmeticException | NumberFormatException e) {
            return invalid("the duration '" + text + "' is too long");
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The shortest {@code xsd:duration} for {@code duration}: {@code P30D}, {@code PT12H}, {@code P1DT0.5S}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "PT0S";
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder("P");
        long days = seconds / 86_400;
        if (days > 0) {
            text.append(days).append('D');
        }
        long rest = seconds % 86_400;
        if (rest > 0 || duration.getNano() > 0) {
            text.append('T');
            if (rest / 3600 > 0) {
                text.append(rest / 3600).append('H');
            }
            if (rest % 3600 / 60 > 0) {
                text.append(rest % 3600 / 60).append('M');
            }
            if (rest % 60 > 0 || duration.getNano() > 0) {
                BigDecimal secs = BigDecimal.valueOf(rest % 60).add(BigDecimal.valueOf(duration.getNano(), 9));
                text.append(secs.stripTrailingZeros().toPlainString()).append('S');
            }
        }
        return text.toString();
    }

    private static Result<Duration> invalid(String detail) {
        return Result.fail(Problem.invalidInput("invalid-policy", detail));
    }
}
