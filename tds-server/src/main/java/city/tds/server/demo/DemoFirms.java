package city.tds.server.demo;

import city.tds.identity.CreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but realistic small and micro firms for the demo's credit scenario: valid 统一社会信用代码 (the
 * organisation code's GB 11714 check and the GB 32100 check character), Shanghai districts, monthly tax figures and a
 * tax credit rating. The same seed gives the same firms.
 */
public final class DemoFirms {

    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[][] DISTRICTS = {
        {"310101", "黄浦区"}, {"310104", "徐汇区"}, {"310105", "长宁区"}, {"310106", "静安区"},
        {"310107", "普陀区"}, {"310109", "虹口区"}, {"310110", "杨浦区"}, {"310112", "闵行区"},
        {"310113", "宝山区"}, {"310114", "嘉定区"}, {"310115", "浦东新区"}, {"310117", "松江区"}
    };
    private static final String[] TRADES = {"科技", "商贸", "餐饮管理", "物流", "建筑工程", "文化传媒", "电子", "食品", "服装", "信息技术"};
    private static final String[] WORDS = {
        "华信", "申联", "浦江", "东方", "鼎盛", "恒远", "新禾", "众诚", "嘉瑞", "云启", "博睿", "汇丰", "锦程", "安泰"
    };
    private static final String[] RATINGS = {"A", "B", "M", "C", "D"};
    private static final int[] RATING_WEIGHTS = {30, 40, 20, 7, 3};

    private DemoFirms() {}

    /** One synthetic firm, as the tax bureau knows it for one tax period. */
    public record Firm(
            String creditCode, String name, String district, long vatAmount, long incomeTaxAmount, String rating) {}

    /** {@code count} firms; the same seed gives the same firms. */
    public static List<Firm> firms(int count, long seed) {
        Random random = new Random(seed);
        List<Firm> firms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String code = creditCode(district[0], random);
            String name = "上海" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                    + TRADES[random.nextInt(TRADES.length)] + "有限公司";
            long vat = 2_000 + (long) (Math.abs(random.nextGaussian()) * 60_000);
            long income = (long) (vat * (0.1 + random.nextDouble() * 0.4));
            firms.add(new Firm(code, name, district[1], vat, income, rating(random)));
        }
        return firms;
    }

    /** {@code count} firms as CSV with a header line, for tax period {@code period} (e.g. 2026-10). */
    public static String taxSummaryCsv(int count, String period, long seed) {
        return taxSummaryCsv(firms(count, seed), period);
    }

    /** {@code firms} as CSV with a header line, for tax period {@code period}. */
    public static String taxSummaryCsv(List<Firm> firms, String period) {
        StringBuilder out =
                new StringBuilder("credit_code,name,district,tax_period,vat_amount,income_tax_amount,credit_rating\n");
        for (Firm firm : firms) {
            out.append(firm.creditCode())
                    .append(',')
                    .append(firm.name())
                    .append(',')
                    .append(firm.district())
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(firm.vatAmount())
                    .append(".00,")
                    .append(firm.incomeTaxAmount())
                    .append(".00,")
                    .append(firm.rating())
                    .append('\n');
        }
        return out.toString();
    }

    /** A valid code of a company (registration authority 9, kind 1) in {@code region}. */
    static String creditCode(String region, Random random) {
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append(i < 2 ? "MA".charAt(i) : (char) ('0' + random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += ORG_ALPHABET.indexOf(org.charAt(i)) * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        org.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        String first17 = "91" + region + org;
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String rating(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < RATINGS.length; i++) {
            roll -= RATING_WEIGHTS[i];
            if (roll < 0) {
                return RATINGS[i];
            }
        }
        return RATINGS[RATINGS.length - 1];
    }
}
