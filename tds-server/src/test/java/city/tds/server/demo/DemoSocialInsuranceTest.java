package city.tds.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoSocialInsuranceTest {

    private static final List<DemoFirms.Firm> FIRMS = DemoFirms.firms(3_000, 7);
    private static final List<DemoSocialInsurance.Month> MONTHS =
            DemoSocialInsurance.months(FIRMS, YearMonth.of(2026, 10), 12, 7);

    @Test
    void everyFirmHasTwelveMonthsOfConsistentFigures() {
        assertThat(MONTHS).hasSize(36_000);
        Map<String, List<DemoSocialInsurance.Month>> byFirm =
                MONTHS.stream().collect(Collectors.groupingBy(DemoSocialInsurance.Month::creditCode));
        assertThat(byFirm.keySet())
                .isEqualTo(FIRMS.stream().map(DemoFirms.Firm::creditCode).collect(Collectors.toSet()));
        assertThat(byFirm.values())
                .allSatisfy(months -> assertThat(months)
                        .extracting(m -> m.period().toString())
                        .containsExactly(
                                "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                                "2026-07", "2026-08", "2026-09", "2026-10"));
        assertThat(MONTHS).allSatisfy(m -> {
            assertThat(m.insuredCount()).isBetween(3, 300);
            assertThat(m.arrears().signum()).isNotNegative();
            assertThat(m.paid().add(m.arrears()))
                    .isEqualByComparingTo(m.contributionBase()
                            .multiply(DemoSocialInsurance.RATE)
                            .setScale(2, RoundingMode.HALF_UP));
        });
        assertThat(DemoSocialInsurance.months(FIRMS, YearMonth.of(2026, 10), 12, 7))
                .isEqualTo(MONTHS);
    }

    @Test
    void aMinorityIsInArrearsAndFarMoreOftenAmongFirmsTheTaxBureauRatesWeakly() {
        Set<String> inArrears = MONTHS.stream()
                .filter(m -> m.arrears().compareTo(BigDecimal.ZERO) > 0)
                .map(DemoSocialInsurance.Month::creditCode)
                .collect(Collectors.toSet());
        assertThat(inArrears.size()).isBetween(FIRMS.size() / 20, FIRMS.size() / 4);
        assertThat(share(inArrears, "C", "D")).isGreaterThan(4 * share(inArrears, "A", "B"));
    }

    private static double share(Set<String> inArrears, String... ratings) {
        List<DemoFirms.Firm> rated = FIRMS.stream()
                .filter(f -> List.of(ratings).contains(f.rating()))
                .toList();
        return (double) rated.stream()
                        .filter(f -> inArrears.contains(f.creditCode()))
                        .count()
                / rated.size();
    }
}
