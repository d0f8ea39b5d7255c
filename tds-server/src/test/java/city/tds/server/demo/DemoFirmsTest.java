package city.tds.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.identity.CreditCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoFirmsTest {

    @Test
    void everyFirmHasAValidDistinctCreditCodeAndTheSameSeedGivesTheSameFirms() {
        String csv = DemoFirms.taxSummaryCsv(2_000, "2026-10", 7);
        List<String> lines = Arrays.asList(csv.split("\n"));

        assertThat(lines).hasSize(2_001);
        assertThat(lines.get(0))
                .isEqualTo("credit_code,name,district,tax_period,vat_amount,income_tax_amount,credit_rating");
        List<String> codes = lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",")[0])
                .toList();
        assertThat(codes).allSatisfy(code -> {
            assertThat(CreditCode.parse(code).isOk()).as(code).isTrue();
            assertThat(code).startsWith("9131");
            assertThat(organisationCodeChecks(code.substring(8, 17)))
                    .as("GB 11714 check of %s", code)
                    .isTrue();
        });
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(DemoFirms.taxSummaryCsv(2_000, "2026-10", 7)).isEqualTo(csv);
        assertThat(DemoFirms.taxSummaryCsv(2_000, "2026-10", 8)).isNotEqualTo(csv);
    }

    private static boolean organisationCodeChecks(String code) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return code.charAt(8) == expected;
    }
}
