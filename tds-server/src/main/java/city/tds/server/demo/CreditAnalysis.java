package city.tds.server.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bank makes of the bureaus' data in the credit scenario: a summary of each, and the two joined on the credit
 * code into a whitelist (白名单) for inclusive small-business loans. Reads the demo's CSVs (a header line, no quoted
 * fields).
 */
public final class CreditAnalysis {

    private CreditAnalysis() {}

    /**
     * The joined screening over {@code months} months, each count a subset of the one before: the tax bureau's firms,
     * those it rates A or B, those of them with social-insurance records for every month and no arrears in any, and
     * those of them whose insured headcount was stable: the whitelist.
     */
    public record Whitelist(int months, int firms, int ratedAOrB, int withoutArrears, int whitelisted) {}

    static Whitelist whitelist(String taxCsv, String socialCsv, int months) {
        Csv tax = Csv.parse(taxCsv);
        Csv social = Csv.parse(socialCsv);
        int code = social.column("credit_code");
        int insured = social.column("insured_count");
        int arrears = social.column("arrears");
        Map<String, Record> records = new HashMap<>();
        for (String[] row : social.rows()) {
            records.computeIfAbsent(row[code], c -> new Record())
                    .add(Integer.parseInt(row[insured]), new BigDecimal(row[arrears]).signum() > 0);
        }
        int taxCode = tax.column("credit_code");
        int rating = tax.column("credit_rating");
        int good = 0;
        int clean = 0;
        int stable = 0;
        for (String[] row : tax.rows()) {
            if (!row[rating].equals("A") && !row[rating].equals("B")) {
                continue;
            }
            good++;
            Record r = records.get(row[taxCode]);
            if (r == null || r.months < months || r.monthsInArrears > 0) {
                continue;
            }
            clean++;
            if (r.stable()) {
                stable++;
            }
        }
        return new Whitelist(months, tax.rows().size(), good, clean, stable);
    }

    static String describe(Whitelist w) {
        return String.format(
                "%d 家企业中纳税信用 A/B 级 %d 家，其中近 %d 个月社保无欠缴 %d 家，参保人数稳定 %d 家，列入普惠贷款白名单"
                        + " / of %d firms, %d are rated A or B by the tax bureau, %d of them paid social insurance in"
                        + " full for %d months, %d of those with a stable headcount: the whitelist for inclusive loans",
                w.firms(),
                w.ratedAOrB(),
                w.months(),
                w.withoutArrears(),
                w.whitelisted(),
                w.firms(),
                w.ratedAOrB(),
                w.withoutArrears(),
                w.months(),
                w.whitelisted());
    }

    /** The tax data alone: how many firms, how many rated A or B, their median VAT. */
    static String taxSummary(String taxCsv) {
        Csv tax = Csv.parse(taxCsv);
        int rating = tax.column("credit_rating");
        int vatColumn = tax.column("vat_amount");
        List<String[]> rows = tax.rows();
        long good = rows.stream()
                .filter(r -> r[rating].equals("A") || r[rating].equals("B"))
                .count();
        double[] vat = rows.stream()
                .mapToDouble(r -> Double.parseDouble(r[vatColumn]))
                .sorted()
                .toArray();
        double median = vat.length == 0 ? 0 : vat[vat.length / 2];
        return String.format(
                "%d 家企业，纳税信用 A/B 级 %d 家（%.0f%%），增值税中位数 %.0f 元 / %d firms, %d rated A or B, median VAT %.0f CNY",
                rows.size(),
                good,
                rows.isEmpty() ? 0.0 : 100.0 * good / rows.size(),
                median,
                rows.size(),
                good,
                median);
    }

    /** The social-insurance data alone: how many records of how many firms, and how many firms were ever in arrears. */
    static String socialSummary(String socialCsv) {
        Csv social = Csv.parse(socialCsv);
        int code = social.column("credit_code");
        int arrears = social.column("arrears");
        Map<String, Boolean> behind = new LinkedHashMap<>();
        for (String[] row : social.rows()) {
            behind.merge(row[code], new BigDecimal(row[arrears]).signum() > 0, Boolean::logicalOr);
        }
        long inArrears = behind.values().stream().filter(Boolean::booleanValue).count();
        return String.format(
                "%d 条参保缴费记录，%d 家企业，其中 %d 家有欠缴月份 / %d records of %d firms, %d of them with months in arrears",
                social.rows().size(), behind.size(), inArrears, social.rows().size(), behind.size(), inArrears);
    }

    /** One firm's social-insurance months, folded. */
    private static final class Record {
        int months;
        int monthsInArrears;
        int lowest = Integer.MAX_VALUE;
        int highest;

        void add(int insured, boolean inArrears) {
            months++;
            monthsInArrears += inArrears ? 1 : 0;
            lowest = Math.min(lowest, insured);
            highest = Math.max(highest, insured);
        }

        /** Whether the lowest headcount is at least four fifths of the highest. */
        boolean stable() {
            return 5L * lowest >= 4L * highest;
        }
    }

    /** A CSV with a header line and no quoted fields. */
    private record Csv(List<String> header, List<String[]> rows) {

        static Csv parse(String text) {
            List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("no header line");
            }
            return new Csv(
                    List.of(lines.get(0).split(",", -1)),
                    lines.subList(1, lines.size()).stream()
                            .map(l -> l.split(",", -1))
                            .toList());
        }

        int column(String name) {
            int at = header.indexOf(name);
            if (at < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return at;
        }
    }
}
