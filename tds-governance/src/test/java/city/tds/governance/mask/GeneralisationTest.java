package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.governance.mask.DateTruncation.Unit;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneralisationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void bandsAges() {
        AgeBand decades = new AgeBand(10, 0, TODAY);
        assertThat(decades.mask("35")).isEqualTo("30-39");
        assertThat(decades.mask("0")).isEqualTo("0-9");
        assertThat(decades.mask(" 40 ")).isEqualTo("40-49");
        assertThat(new AgeBand(5, 0, TODAY).mask("44")).isEqualTo("40-44");
        assertThat(new AgeBand(1, 0, TODAY).mask("44")).isEqualTo("44");
        assertThat(new AgeBand(10, 90, TODAY).mask("93")).isEqualTo("90+");
    }

    @Test
    void bandsTheAgeOfABirthDateOrIdNumberOnTheDayGiven() {
        AgeBand decades = new AgeBand(10, 0, TODAY);
        assertThat(decades.mask("1986-12-01")).isEqualTo("40-49");
        assertThat(decades.mask("1986-12-02")).isEqualTo("30-39");
        assertThat(decades.mask("19861202")).isEqualTo("30-39");
        assertThat(decades.mask("1986/1/5 08:00")).isEqualTo("40-49");
        assertThat(decades.mask("11010519491231002X")).isEqualTo("70-79");
        assertThat(decades.mask("110105491231002")).isEqualTo("70-79");
    }

    @Test
    void masksWhatIsNotAnAgeEntirely() {
        AgeBand decades = new AgeBand(10, 0, TODAY);
        assertThat(decades.mask("abc")).isEqualTo("***");
        assertThat(decades.mask("151")).isEqualTo("***");
        assertThat(decades.mask("2027-01-01")).isEqualTo("**********");
        assertThat(decades.mask(null)).isNull();
        assertThat(decades.mask("")).isEmpty();
    }

    @Test
    void truncatesDatesInTheirLayout() {
        assertThat(new DateTruncation(Unit.YEAR).mask("2024-05-17")).isEqualTo("2024");
        assertThat(new DateTruncation(Unit.MONTH).mask("2024-05-17 13:20:11")).isEqualTo("2024-05");
        assertThat(new DateTruncation(Unit.DAY).mask("2024-05-17T13:20:11+08:00"))
                .isEqualTo("2024-05-17");
        assertThat(new DateTruncation(Unit.MONTH).mask("20240517")).isEqualTo("202405");
        assertThat(new DateTruncation(Unit.DAY).mask("20240517 1320")).isEqualTo("20240517");
        assertThat(new DateTruncation(Unit.MONTH).mask("2024/5/7")).isEqualTo("2024/05");
        assertThat(new DateTruncation(Unit.DAY).mask("2024.5.7")).isEqualTo("2024.05.07");
        assertThat(new DateTruncation(Unit.MONTH).mask("2024年5月17日")).isEqualTo("2024年05月");
        assertThat(new DateTruncation(Unit.YEAR).mask("2024年5月17日")).isEqualTo("2024年");
    }

    @Test
    void masksWhatIsNotADateEntirely() {
        DateTruncation year = new DateTruncation(Unit.YEAR);
        assertThat(year.mask("2023-02-29")).isEqualTo("**********");
        assertThat(year.mask("2024-13-01")).isEqualTo("**********");
        assertThat(year.mask("2024-05")).isEqualTo("*******");
        assertThat(year.mask("2024-05/17")).isEqualTo("**********");
        assertThat(year.mask("202405171")).isEqualTo("*********");
        assertThat(year.mask("昨天")).isEqualTo("**");
        assertThat(year.mask(null)).isNull();
        assertThat(year.mask("")).isEmpty();
    }

    @Test
    void keepsARegionPrefix() {
        assertThat(new RegionPrefix(2).mask("110105")).isEqualTo("110000");
        assertThat(new RegionPrefix(4).mask("110105")).isEqualTo("110100");
        assertThat(new RegionPrefix(6).mask("11010519491231002X")).isEqualTo("110105000000000000");
        assertThat(new RegionPrefix(6).mask("1101")).isEqualTo("****");
        assertThat(new RegionPrefix(2).mask("北京市")).isEqualTo("***");
        assertThat(new RegionPrefix(2).mask(null)).isNull();
        assertThat(new RegionPrefix(2).mask("")).isEmpty();
    }

    @Test
    void suppresses() {
        assertThat(new Suppression("").mask("备注内容")).isEmpty();
        assertThat(new Suppression("[已隐藏]").mask("备注内容")).isEqualTo("[已隐藏]");
        assertThat(new Suppression("[已隐藏]").mask("")).isEmpty();
        assertThat(new Suppression("[已隐藏]").mask(null)).isNull();
    }
}
