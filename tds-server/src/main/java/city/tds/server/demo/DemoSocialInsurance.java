package city.tds.server.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The social-security bureau's monthly records of the demo's firms ({@link DemoFirms}): insured employees (3 to 300),
 * the contribution base, what was paid and what is in arrears. Firms the tax bureau rates weakly change headcount more
 * often and fall into arrears far more often, as they do in life, so that joining both bureaus' data tells a bank
 * something. The same firms and seed give the same records.
 */
public final class DemoSocialInsurance {

    /** Employer and employee contributions together, as a share of the base (pension, medical, unemployment, injury). */
    static final BigDecimal RATE = new BigDecimal("0.365");

    private static final int MIN_INSURED = 3;
    private static final int MAX_INSURED = 300;
    private static final double LOWEST_BASE = 7_460;
    private static final Map<String, Conduct> BY_RATING = Map.of(
            "A", new Conduct(0.02, 0.15, 0.10),
            "B", new Conduct(0.05, 0.20, 0.12),
            "M", new Conduct(0.20, 0.30, 0.15),
            "C", new Conduct(0.50, 0.40, 0.22),
            "D", new Conduct(0.80, 0.50, 0.30));

    private DemoSocialInsurance() {}

    /** One firm's month: the insured count, the base, what was paid and what was not (0 when paid in full). */
    public record Month(
            String creditCode,
            YearMonth period,
            int insuredCount,
            BigDecimal contributionBase,
            BigDecimal paid,
            BigDecimal arrears) {}

    /**
     * How a firm of a tax rating behaves: the chance it falls into arrears at all within the year, the chance its
     * headcount changes in a month, and how much it changes then (a standard deviation, as a share).
     */
    private record Conduct(double arrearsChance, double changeChance, double swing) {}

    /** Every firm's records for the {@code months} months ending with {@code last}, firm by firm, oldest first. */
    public static List<Month> months(List<DemoFirms.Firm> firms, YearMonth last, int months, long seed) {
        Random random = new Random(seed);
        List<Month> out = new ArrayList<>(firms.size() * months);
        for (DemoFirms.Firm firm : firms) {
            Conduct conduct = BY_RATING.getOrDefault(firm.rating(), BY_RATING.get("M"));
            int insured = insured(Math.exp(Math.log(15) + 0.9 * random.nextGaussian()));
            double basePerHead = LOWEST_BASE + random.nextDouble() * 12_000;
            boolean falls = random.nextDouble() < conduct.arrearsChance();
            int arrearsFrom = random.nextInt(months);
            int arrearsMonths = 1 + random.nextInt(4);
            for (int m = 0; m < months; m++) {
                if (m > 0 && random.nextDouble() < conduct.changeChance()) {
                    insured = insured(insured * (1 + conduct.swing() * random.nextGaussian()));
                }
                BigDecimal base = money(insured * basePerHead);
                BigDecimal due = base.multiply(RATE).setScale(2, RoundingMode.HALF_UP);
                boolean behind = falls && m >= arrearsFrom && m < arrearsFrom + arrearsMonths;
                BigDecimal arrears = behind
                        ? due.multiply(BigDecimal.valueOf(0.3 + 0.7 * random.nextDouble()))
                                .setScale(2, RoundingMode.HALF_UP)
                        : BigDecimal.ZERO.setScale(2);
                out.add(new Month(
                        firm.creditCode(),
                        last.minusMonths(months - 1L - m),
                        insured,
                        base,
                        due.subtract(arrears),
                        arrears));
            }
        }
        return out;
    }

    private static int insured(double headcount) {
        return (int) Math.max(MIN_INSURED, Math.min(MAX_INSURED, Math.round(headcount)));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
