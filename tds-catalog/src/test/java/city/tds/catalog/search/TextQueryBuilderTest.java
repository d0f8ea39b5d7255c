package city.tds.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextQueryBuilderTest {
    /** The shipped scoring, but words held by more than 5 % of even a tiny catalog are common. */
    private static final TextScoring SMALL_CATALOG = new TextScoring(1f, 0.3f, 0.8f, 0.8f, true, 0.05, 0);

    private static CatalogAnalysis analysis;
    private static TextQueryBuilder builder;
    private static DirectoryReader reader;

    @BeforeAll
    static void load() throws IOException {
        analysis = CatalogAnalysis.shipped();
        builder = new TextQueryBuilder(() -> analysis, SMALL_CATALOG);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.indexAnalyzer()))) {
            ProductDocuments documents = new ProductDocuments(4);
            for (int i = 0; i < 40; i++) {
                String name = i == 0 ? "企业征信报告" : "企业数据" + i;
                writer.addDocument(documents.toLucene(TestProducts.product("p" + i, name, "", "z1"), null));
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        analysis.close();
    }

    @Test
    void commonWordsOnlyScoreWhileTellingWordsDecideWhatMatches() throws IOException {
        TextQueryBuilder.TextQuery withTellingWord =
                builder.build("企业征信", reader).orElseThrow();
        TextQueryBuilder.TextQuery onlyCommon = builder.build("企业", reader).orElseThrow();
        IndexSearcher searcher = new IndexSearcher(reader);

        assertThat(searcher.count(withTellingWord.query())).isEqualTo(1);
        assertThat(searcher.count(onlyCommon.query())).isEqualTo(40);
        assertThat(withTellingWord.ceiling()).isGreaterThan(onlyCommon.ceiling());
    }

    @Test
    void groupsEachWordWithItsSynonymsTypedWordFirst() {
        assertThat(builder.queryWords("社保缴费")).containsExactly(List.of("社保", "社会保险", "社会保障"), List.of("缴费"));
    }

    @Test
    void dropsQuestionWordsAndGenericCatalogWords() {
        assertThat(builder.queryWords("哪些公交客流数据")).containsExactly(List.of("公交"), words("客流", "人流", "客流量", "人流量"));
    }

    @Test
    void keepsAQueryMadeOnlyOfStopwords() {
        assertThat(builder.queryWords("数据")).containsExactly(List.of("数据"));
    }

    @Test
    void dropsSingleCharactersNextToLongerWords() {
        assertThat(builder.queryWords("地铁人多")).containsExactly(List.of("地铁"));
        assertThat(builder.queryWords("车")).containsExactly(List.of("车"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a+b:(c) AND \"d\" OR ~e* [f TO g] {h} ^2 \\ / ! ?",
                "😀🚗🇨🇳",
                "''",
                "\u0000\u200b\ufeff",
                "社保)(*&^%$#@!",
                "     ",
                "TDS-2026-F01"
            })
    void neverThrowsOnOddCharacters(String text) {
        assertThatCode(() -> builder.build(text, reader)).doesNotThrowAnyException();
    }

    private static List<String> words(String... words) {
        return List.of(words);
    }
}
