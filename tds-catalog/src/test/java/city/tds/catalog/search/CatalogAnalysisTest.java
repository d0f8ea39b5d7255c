package city.tds.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogAnalysisTest {
    private static CatalogAnalysis analysis;
    private static Analyzer plainWords;

    @BeforeAll
    static void load() {
        analysis = CatalogAnalysis.shipped();
        plainWords = new WordAnalyzer(analysis.dictionary(), false, null);
    }

    @AfterAll
    static void close() {
        plainWords.close();
        analysis.close();
    }

    @Test
    void smartcnAloneSplitsDomainWordsIntoCharacters() throws IOException {
        try (Analyzer smartcn = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer()) {
            assertThat(terms(smartcn, "五险一金")).containsExactly("五", "险", "一", "金");
            assertThat(terms(smartcn, "专精特新")).containsExactly("专", "精", "特", "新");
        }
    }

    @Test
    void keepsDictionaryTermsWhole() throws IOException {
        assertThat(words("五险一金缴纳情况")).startsWith("五险一金").contains("缴纳");
        assertThat(words("专精特新企业名录")).containsSubsequence("专精特新", "名录");
        assertThat(words("住房公积金缴存明细")).containsExactly("住房公积金", "缴存", "明细");
        assertThat(words("路口信号配时优化")).containsExactly("路口", "信号配时", "优化");
        assertThat(words("供应链金融应收账款")).containsExactly("供应链金融", "应收账款");
        assertThat(words("PM2.5浓度")).containsExactly("pm2.5", "浓度");
    }

    @Test
    void splitsTheRestAtTheSegmentersWordBoundaries() throws IOException {
        assertThat(words("个人流水")).containsExactly("个人", "流水").doesNotContain("人流");
        assertThat(words("高血压糖尿病")).containsExactly("高血压", "糖尿病");
    }

    @Test
    void indexesThePartsOfMergedTermsAtTheSamePosition() throws IOException {
        List<String> withPositions = termsWithPositions(analysis.indexWords(), "住房公积金缴存");
        assertThat(withPositions).containsExactly("住房公积金@1", "住房@0", "公积金@0", "缴存@1");
        assertThat(terms(analysis.indexWords(), "五险一金")).contains("五险一金", "五险");
    }

    @Test
    void dropsPunctuationAndSymbolsAndFoldsWidth() throws IOException {
        assertThat(words("😀（ＡＰＩ）、“医保”！🚗")).containsExactly("api", "医保");
        assertThat(words("a+b:(c) AND \"d\" OR ~e* [f TO g]")).doesNotContain("+", ":", "(", "~", "*", "[", "\"");
    }

    @Test
    void expandsSynonymsAtTheWordsPosition() throws IOException {
        List<String> expanded = termsWithPositions(analysis.queryWords(), "社保缴费");
        assertThat(expanded).hasSize(4).endsWith("缴费@1");
        assertThat(expanded.subList(0, 3)).containsExactlyInAnyOrder("社保@0", "社会保险@1", "社会保障@0");
    }

    @Test
    void bigramsCoverEveryAdjacentPairOfCharacters() throws IOException {
        assertThat(terms(analysis.bigrams(), "信号配时")).containsExactly("信号", "号配", "配时");
    }

    private static List<String> words(String text) throws IOException {
        return terms(plainWords, text);
    }

    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static List<String> termsWithPositions(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term + "@" + increment.getPositionIncrement());
            }
            stream.end();
        }
        return terms;
    }
}
