package city.tds.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeParserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource({
        "2025-03-01, 2025-03-01T00:00:00+08:00",
        "2025/3/1, 2025-03-01T00:00:00+08:00",
        "' 2025-03-01 ', 2025-03-01T00:00:00+08:00",
        "2025-03-01 8:05, 2025-03-01T08:05:00+08:00",
        "2025-03-01T08:05:09, 2025-03-01T08:05:09+08:00",
        "2025-03-01 08:05:09.5, 2025-03-01T08:05:09.500+08:00",
        "2025-03-01 08:05:09.123456, 2025-03-01T08:05:09.123+08:00",
        "2025-03-01T08:05:09Z, 2025-03-01T08:05:09Z",
        "2025-03-01T08:05:09+0100, 2025-03-01T08:05:09+01:00",
        "2025-03-01T08:05-05, 2025-03-01T08:05:00-05:00",
        "2024-02-29, 2024-02-29T00:00:00+08:00",
        "1988-06-01 12:00, 1988-06-01T12:00:00+09:00"
    })
    void readsDatesAndTimestamps(String text, String expected) {
        long expectedMillis =
                java.time.OffsetDateTime.parse(expected).toInstant().toEpochMilli();

        assertThat(new DateTimeParser(SHANGHAI).parse(text)).isEqualTo(expectedMillis);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2025",
                "2025-13-01",
                "2025-02-29",
                "2025-04-31",
                "2025-3/1",
                "2025-03-01X",
                "2025-03-01 24:00",
                "2025-03-01 12:60",
                "2025-03-01 12",
                "25-03-01",
                "2025-003-01",
                "2025-03-01T12:00:00.",
                "abc",
                "2025-03-01T12:00+25:00",
                "20250301"
            })
    void answersNotADateForOtherText(String text) {
        assertThat(new DateTimeParser(SHANGHAI).parse(text)).isEqualTo(DateTimeParser.NOT_A_DATE);
    }

    @Test
    void countsDaysAsJavaTimeDoes() {
        Random random = new Random(8);
        for (int i = 0; i < 10_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 1_000_000);
            assertThat(DateTimeParser.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(date.toEpochDay());
        }
    }

    @Test
    void followsDaylightSavingInZonesThatHaveIt() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        DateTimeParser parser = new DateTimeParser(berlin);

        for (String text : new String[] {"2025-01-15 10:00", "2025-07-15 10:00"}) {
            Instant expected =
                    LocalDateTime.parse(text.replace(' ', 'T')).atZone(berlin).toInstant();
            assertThat(parser.parse(text)).isEqualTo(expected.toEpochMilli());
        }
    }
}
