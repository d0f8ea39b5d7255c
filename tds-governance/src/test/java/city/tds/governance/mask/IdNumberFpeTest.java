package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdNumberFpeTest extends FormatPreservingContract {

    private static final String[] REGIONS = {"110105", "310104", "440305", "510107", "330106", "650102", "810000"};
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    MaskingAlgorithm algorithm(SuiteId suite, byte[] key) {
        return new IdNumberFpe(suite, key);
    }

    @Override
    String generate(Random random) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
        String first17 = REGIONS[random.nextInt(REGIONS.length)]
                + birth.format(BIRTH)
                + String.format("%03d", random.nextInt(1000));
        return first17 + CheckCharacters.idNumberCheck(first17);
    }

    @Override
    boolean isWellFormed(String masked) {
        if (!CheckCharacters.isValidIdNumber(masked)) {
            return false;
        }
        try {
            LocalDate.parse(masked.substring(6, 14), BIRTH);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    boolean keepsWhatItShould(String original, String masked) {
        return masked.substring(0, 10).equals(original.substring(0, 10));
    }

    @Override
    List<String> invalidInputs() {
        return List.of(
                "110105194912310021", // wrong check character
                "99010519491231002X".substring(0, 17) + CheckCharacters.idNumberCheck("99010519491231002"),
                "11010519490231" + "002" + CheckCharacters.idNumberCheck("11010519490231002"), // 31 February
                "11010519491231002",
                "张三",
                "not an id number!!");
    }

    @Test
    void keepsRegionAndYearAndReadsLowerCaseX() {
        IdNumberFpe fpe = new IdNumberFpe(SuiteId.GM, KEY);
        String masked = fpe.mask("11010519491231002X");
        assertThat(masked).startsWith("1101051949").isNotEqualTo("11010519491231002X");
        assertThat(fpe.mask("11010519491231002x")).isEqualTo(masked);
    }

    @Test
    void keepsLeapDaysInLeapYearsOnly() {
        IdNumberFpe fpe = new IdNumberFpe(SuiteId.INTL, KEY);
        String leap = "11010520000229" + "123";
        assertThat(isWellFormed(fpe.mask(leap + CheckCharacters.idNumberCheck(leap))))
                .isTrue();
        String notLeap = "11010519000229" + "123";
        assertThat(fpe.mask(notLeap + CheckCharacters.idNumberCheck(notLeap))).isEqualTo("*".repeat(18));
    }
}
