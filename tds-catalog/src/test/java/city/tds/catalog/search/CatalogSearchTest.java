package city.tds.catalog.search;

import static city.tds.catalog.search.CatalogIndexTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search with the real bge-small-zh model over a 30-product corpus (finance, health, transport). The model loads once
 * per JVM; embedding the corpus takes a second or two.
 */
class CatalogSearchTest {
    private static final Set<String> CORPUS = Set.of(
            "F01", "F02", "F03", "F04", "F05", "F08", "F11", "F12", "F13", "F15", "F19", "F24", "F26", "X16", "X25",
            "X28", "X68", "G12", "M02", "M03", "M04", "M08", "M10", "M12", "T01", "T02", "T03", "T04", "T05", "T13");

    private static BgeSmallZhEmbedder embedder;
    private static CatalogIndex index;
    private static CatalogSearch search;

    @BeforeAll
    static void indexCorpus() {
        embedder = new BgeSmallZhEmbedder();
        index = CatalogIndex.inMemory(embedder.dimensions());
        search = new CatalogSearch(index, embedder);
        List<SearchDocument> products = EvaluationCorpus.products().stream()
                .filter(p -> CORPUS.contains(p.productId()))
                .toList();
        List<float[]> vectors = search.embedAll(products);
        List<CatalogIndex.IndexedProduct> all = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            all.add(new CatalogIndex.IndexedProduct(products.get(i), vectors.get(i)));
        }
        search.rebuild(all, Map.of("storeVersion", "1"));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theCorpusIsIndexed() {
        assertThat(index.size()).isEqualTo(CORPUS.size());
        assertThat(search.isCurrent(Map.of("storeVersion", "1"))).isTrue();
    }

    @Test
    void vectorsAreUnitLengthAndBatchesMatchSingleCalls() {
        float[] single = embedder.embed("企业社会保险参保缴费数据");
        List<float[]> batch = embedder.embedAll(List.of("公交客流", "企业社会保险参保缴费数据"));

        assertThat(single).hasSize(512);
        assertThat(norm(single)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(cosine(single, batch.get(1))).isGreaterThan(0.999);
        assertThat(cosine(batch.get(0), batch.get(1))).isLessThan(0.9);
        assertThatThrownBy(() -> embedder.embed(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void warmingUpInTheBackgroundLeavesTheModelLoaded() {
        BgeSmallZhEmbedder another = new BgeSmallZhEmbedder();
        another.warmUpInBackground();
        another.embedQuery("预热");
        assertThat(another.isLoaded()).isTrue();
    }

    @Test
    void fullTextFindsAProductThatOnlyUsesTheSynonym() {
        SearchResults results = search.search(SearchRequest.of("社保", SearchMode.BM25, 5));

        assertThat(ids(results)).first().isEqualTo("F01");
    }

    @Test
    void denseFindsAParaphraseThatSharesNoWordWithTheProduct() {
        SearchResults results = search.search(SearchRequest.of("公司员工五险缴纳情况", SearchMode.DENSE, 3));

        assertThat(ids(results)).first().isEqualTo("F01");
    }

    @Test
    void hybridRanksTheRelevantProductFirstWhereFullTextIsFooledByASharedWord() {
        String query = "企业有没有被罚过款";

        List<String> bm25 = ids(search.search(SearchRequest.of(query, SearchMode.BM25, 5)));
        List<String> hybrid = ids(search.search(SearchRequest.of(query, SearchMode.HYBRID, 5)));

        assertThat(bm25).first().isNotEqualTo("F12");
        assertThat(hybrid).first().isEqualTo("F12");
    }

    @Test
    void hybridKeepsAnExactTermTheModelDoesNotKnow() {
        List<String> hybrid = ids(search.search(SearchRequest.of("DICOM", SearchMode.HYBRID, 3)));

        assertThat(hybrid).first().isEqualTo("M04");
    }

    @Test
    void semanticResultsRespectZonesAndFacetsOfTheMatchSet() {
        SearchRequest request = new SearchRequest("医学影像", SearchMode.HYBRID, Set.of("zone-health"), Map.of(), 0, 10);

        SearchResults results = search.search(request);

        assertThat(results.hits()).isNotEmpty();
        assertThat(ids(results)).allMatch(id -> id.startsWith("M"));
        assertThat(results.facets().get(Facet.ZONE))
                .extracting(FacetCount::value)
                .containsExactly("zone-health");
        assertThat(results.total())
                .isEqualTo(CORPUS.stream().filter(id -> id.startsWith("M")).count());
    }

    @Test
    void oddCharactersNeverThrowInAnyMode() {
        for (String text : List.of("医保)(*&^%$#@!", "😀🚗", "a:b AND (c OR d)~2^3", "\u200b")) {
            for (SearchMode mode : SearchMode.values()) {
                SearchResults results = search.search(SearchRequest.of(text, mode, 5));
                assertThat(results.mode()).isEqualTo(mode);
            }
        }
    }

    @Test
    void embedsAndIndexesOneProductAndFindsItAtOnce() {
        SearchDocument product = TestProducts.product("new-1", "城市内涝积水点监测", "暴雨期间易涝点积水深度实时数据", "zone-x");
        try {
            float[] vector = search.embedAndIndex(product);
            assertThat(vector).hasSize(512);
            assertThat(ids(search.search(SearchRequest.of("下暴雨哪里积水", SearchMode.HYBRID, 1))))
                    .containsExactly("new-1");
        } finally {
            search.remove("new-1");
        }
        assertThat(ids(search.search(SearchRequest.of("积水", SearchMode.BM25, 5))))
                .doesNotContain("new-1");
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static String describe(List<String> ids) {
        return ids.stream().collect(Collectors.joining(","));
    }
}
