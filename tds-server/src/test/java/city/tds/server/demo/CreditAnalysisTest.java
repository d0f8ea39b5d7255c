package city.tds.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditAnalysisTest {

    private static final String TAX = """
            credit_code,name,district,tax_period,vat_amount,income_tax_amount,credit_rating
            F1,甲,黄浦区,2026-10,1000.00,200.00,A
            F2,乙,黄浦区,2026-10,3000.00,300.00,B
            F3,丙,徐汇区,2026-10,2000.00,400.00,A
            F4,丁,徐汇区,2026-10,5000.00,500.00,C
            F5,戊,静安区,2026-10,4000.00,600.00,B
            """;

    @Test
    void theWhitelistKeepsFirmsRatedAOrBWithoutArrearsForEveryMonthAndWithAStableHeadcount() {
        StringBuilder social = new StringBuilder("credit_code,period,insured_count,contribution_base,paid,arrears\n");
        months(social, "F1", new int[] {10, 10, 9, 8, 10, 10}, -1); // clean, lowest 8 of 10: stable
        months(social, "F2", new int[] {20, 20, 20, 20, 20, 20}, 4); // one month in arrears
        months(social, "F3", new int[] {10, 10, 10, 7, 10, 10}, -1); // lowest 7 of 10: not stable
        months(social, "F4", new int[] {5, 5, 5, 5, 5, 5}, -1); // clean, but rated C
        months(social, "F5", new int[] {6, 6, 6, 6, 6}, -1); // a month missing
        months(social, "F9", new int[] {6, 6, 6, 6, 6, 6}, -1); // unknown to the tax bureau

        CreditAnalysis.Whitelist w = CreditAnalysis.whitelist(TAX, social.toString(), 6);

        assertThat(w).isEqualTo(new CreditAnalysis.Whitelist(6, 5, 4, 2, 1));
        assertThat(CreditAnalysis.describe(w))
                .startsWith("5 家企业中纳税信用 A/B 级 4 家，其中近 6 个月社保无欠缴 2 家，参保人数稳定 1 家")
                .contains("of 5 firms, 4 are rated A or B by the tax bureau, 2 of them paid social insurance in full"
                        + " for 6 months, 1 of those with a stable headcount");
    }

    @Test
    void theSummariesCountFirmsRatingsAndArrears() {
        StringBuilder social = new StringBuilder("credit_code,period,insured_count,contribution_base,paid,arrears\n");
        months(social, "F1", new int[] {10, 10, 10}, -1);
        months(social, "F2", new int[] {4, 4, 4}, 0);

        assertThat(CreditAnalysis.taxSummary(TAX))
                .isEqualTo("5 家企业，纳税信用 A/B 级 4 家（80%），增值税中位数 3000 元 / 5 firms, 4 rated A or B, median VAT 3000 CNY");
        assertThat(CreditAnalysis.socialSummary(social.toString()))
                .endsWith("/ 6 records of 2 firms, 1 of them with months in arrears");
    }

    /** Appends a firm's months from 2026-01, one per headcount, the month at index {@code inArrears} unpaid. */
    private static void months(StringBuilder csv, String code, int[] insured, int inArrears) {
        for (int m = 0; m < insured.length; m++) {
            csv.append(code)
                    .append(",2026-0")
                    .append(m + 1)
                    .append(',')
                    .append(insured[m])
                    .append(",10000.00,")
                    .append(m == inArrears ? "1000.00,2650.00" : "3650.00,0.00")
                    .append('\n');
        }
    }
}
