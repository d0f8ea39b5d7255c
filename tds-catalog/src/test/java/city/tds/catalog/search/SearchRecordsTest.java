package city.tds.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchRecordsTest {

    @Test
    void embeddingTextPutsNameKeywordsDescriptionThenFieldNames() {
        SearchDocument doc = new SearchDocument(
                "p1",
                "企业社会保险参保缴费数据",
                "按月汇总参保人数。",
                List.of("社会保险", "参保"),
                List.of("参保人数", "缴费基数"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.EPOCH);

        assertThat(doc.embeddingText()).isEqualTo("企业社会保险参保缴费数据。社会保险、参保。按月汇总参保人数。。字段：参保人数、缴费基数");
        assertThat(doc.zoneIds()).isEmpty();
    }

    @Test
    void embeddingTextIsCutToWhatTheModelReads() {
        String longDescription = "医疗影像".repeat(400);
        SearchDocument doc = TestProducts.product("p1", "影像数据", longDescription, "z1");

        String text = doc.embeddingText();

        assertThat(text).startsWith("影像数据。" + "医疗影像");
        assertThat(text.length()).isLessThanOrEqualTo(SearchDocument.EMBEDDING_TOKEN_BUDGET);
        assertThat(text.length()).isGreaterThan(SearchDocument.EMBEDDING_TOKEN_BUDGET - 10);
    }

    @Test
    void tokenBudgetCountsLatinWordsAsWordPieces() {
        assertThat(ModelTokenBudget.truncate("abcd efgh 中文", 2)).isEqualTo("abcd ");
        assertThat(ModelTokenBudget.truncate("abcd efgh 中文", 5)).isEqualTo("abcd efgh 中");
        assertThat(ModelTokenBudget.truncate("", 5)).isEmpty();
    }

    @Test
    void requestDropsEmptyFiltersAndRejectsNegativePaging() {
        Map<Facet, Set<String>> filters = new HashMap<>();
        filters.put(Facet.GRADE, Set.of());
        filters.put(Facet.ZONE, Set.of("z1"));

        SearchRequest request = new SearchRequest(null, SearchMode.BM25, null, filters, 0, 10);

        assertThat(request.filters()).containsOnlyKeys(Facet.ZONE);
        assertThat(request.isBrowse()).isTrue();
        assertThat(request.visibleZones()).isNull();
        assertThatThrownBy(() -> new SearchRequest("x", SearchMode.BM25, null, Map.of(), -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchRequest("x", SearchMode.BM25, null, Map.of(), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void facetsHaveLowerCaseParameterNames() {
        assertThat(Facet.PRODUCT_TYPE.param()).isEqualTo("productType");
        assertThat(Facet.DELIVERY_MODE.param()).isEqualTo("deliveryMode");
        assertThat(Facet.fromParam("producttype")).contains(Facet.PRODUCT_TYPE);
        assertThat(Facet.fromParam("zone")).contains(Facet.ZONE);
        assertThat(Facet.fromParam("colour")).isEmpty();
    }
}
