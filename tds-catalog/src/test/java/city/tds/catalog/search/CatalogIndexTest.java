package city.tds.catalog.search;

import static city.tds.catalog.search.TestProducts.product;
import static city.tds.catalog.search.TestProducts.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIndexTest {
    private static final int DIMS = 8;
    private CatalogIndex index;

    @BeforeEach
    void open() {
        index = CatalogIndex.inMemory(DIMS);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsBySynonymAWordTheProductNeverUses() {
        index.upsert(product("p1", "企业社会保险参保缴费数据", "按月统计参保人数与缴费基数", "z1"), null);
        index.upsert(product("p2", "公交客流统计", "线路上下车人数", "z1"), null);

        assertThat(ids(bm25("社保"))).containsExactly("p1");
        assertThat(ids(bm25("公积金"))).isEmpty();
    }

    @Test
    void upsertReplacesTheProductWithTheSameId() {
        index.upsert(product("p1", "公交客流统计", "线路上下车人数", "z1"), null);
        index.upsert(product("p1", "地铁进出站客流", "闸机进出站人数", "z1"), null);

        assertThat(index.size()).isEqualTo(1);
        assertThat(ids(bm25("公交"))).isEmpty();
        assertThat(ids(bm25("地铁"))).containsExactly("p1");
    }

    @Test
    void removeTakesTheProductOutOfTheNextSearch() {
        index.upsert(product("p1", "公交客流统计", "线路上下车人数", "z1"), unit(DIMS, 0, 0));
        index.upsert(product("p2", "公交站点广告位", "候车亭广告", "z1"), unit(DIMS, 1, 0));

        index.remove("p1");
        index.remove("never-indexed");

        assertThat(ids(bm25("公交"))).containsExactly("p2");
        assertThat(ids(index.search(SearchRequest.of("公交", SearchMode.DENSE, 10), unit(DIMS, 0, 0))))
                .containsExactly("p2");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void neverShowsAProductOfAZoneTheAskerCannotSeeNorCountsItsFacets() {
        index.upsert(product("visible", "医学影像数据", "金融", "数据集", List.of("api"), List.of("z1"), at(1)), unit(DIMS, 0, 0));
        index.upsert(
                product("shared", "医学影像报告", "医疗健康", "API", List.of("api"), List.of("z2", "z3"), at(2)),
                unit(DIMS, 0, 0.1f));
        index.upsert(
                product("hidden", "医学影像云", "交通物流", "模型", List.of("sandbox"), List.of("z9"), at(3)),
                unit(DIMS, 0, 0.05f));

        for (SearchMode mode : SearchMode.values()) {
            SearchResults results = index.search(
                    new SearchRequest("医学影像", mode, Set.of("z1", "z3"), Map.of(), 0, 10), unit(DIMS, 0, 0));
            assertThat(ids(results)).as(mode.name()).containsExactlyInAnyOrder("visible", "shared");
            assertThat(results.total()).as(mode.name()).isEqualTo(2);
            assertThat(values(results, Facet.INDUSTRY)).as(mode.name()).containsOnlyKeys("金融", "医疗健康");
            assertThat(values(results, Facet.ZONE)).as(mode.name()).doesNotContainKey("z9");
            assertThat(values(results, Facet.DELIVERY_MODE)).as(mode.name()).containsOnlyKeys("api");
        }
    }

    @Test
    void anEmptySetOfVisibleZonesSeesNothingAndNullSeesAll() {
        index.upsert(product("p1", "医学影像数据", "说明", "z1"), unit(DIMS, 0, 0));

        SearchResults nothing =
                index.search(new SearchRequest("医学影像", SearchMode.HYBRID, Set.of(), Map.of(), 0, 10), unit(DIMS, 0, 0));
        SearchResults browseNothing =
                index.search(new SearchRequest("", SearchMode.BM25, Set.of(), Map.of(), 0, 10), null);
        SearchResults everything =
                index.search(new SearchRequest("医学影像", SearchMode.BM25, null, Map.of(), 0, 10), null);

        assertThat(nothing.hits()).isEmpty();
        assertThat(nothing.total()).isZero();
        assertThat(nothing.facets().get(Facet.ZONE)).isEmpty();
        assertThat(browseNothing.total()).isZero();
        assertThat(ids(everything)).containsExactly("p1");
    }

    @Test
    void drillDownOrsValuesWithinAFacetAndAndsAcrossFacets() {
        index.upsert(product("fin-api", "企业征信数据", "金融", "API", List.of("api"), List.of("z1"), at(1)), null);
        index.upsert(product("fin-set", "企业征信报告", "金融", "数据集", List.of("download"), List.of("z1"), at(2)), null);
        index.upsert(
                product("med-api", "企业医保数据", "医疗健康", "API", List.of("api", "sandbox"), List.of("z2"), at(3)), null);
        index.upsert(product("tra-set", "企业物流数据", "交通物流", "数据集", List.of("sandbox"), List.of("z3"), at(4)), null);

        SearchResults financeOrHealth = search("企业", Map.of(Facet.INDUSTRY, Set.of("金融", "医疗健康")));
        SearchResults apisOfThose =
                search("企业", Map.of(Facet.INDUSTRY, Set.of("金融", "医疗健康"), Facet.PRODUCT_TYPE, Set.of("API")));
        SearchResults sandboxed = search("", Map.of(Facet.DELIVERY_MODE, Set.of("sandbox")));

        assertThat(ids(financeOrHealth)).containsExactlyInAnyOrder("fin-api", "fin-set", "med-api");
        assertThat(values(financeOrHealth, Facet.INDUSTRY)).containsExactly(Map.entry("金融", 2L), Map.entry("医疗健康", 1L));
        assertThat(ids(apisOfThose)).containsExactlyInAnyOrder("fin-api", "med-api");
        assertThat(apisOfThose.total()).isEqualTo(2);
        assertThat(values(apisOfThose, Facet.PRODUCT_TYPE)).containsExactly(Map.entry("API", 2L));
        assertThat(ids(sandboxed)).containsExactly("tra-set", "med-api");
        assertThat(values(sandboxed, Facet.DELIVERY_MODE))
                .containsEntry("sandbox", 2L)
                .containsEntry("api", 1L);
    }

    @Test
    void browsingListsEveryVisibleProductNewestFirstWithPages() {
        for (int i = 1; i <= 5; i++) {
            index.upsert(product("p" + i, "数据产品" + i, "金融", "数据集", List.of("api"), List.of("z1"), at(i)), null);
        }

        SearchResults firstPage = index.search(new SearchRequest(" ", SearchMode.HYBRID, null, Map.of(), 0, 2), null);
        SearchResults secondPage = index.search(new SearchRequest("", SearchMode.BM25, null, Map.of(), 2, 2), null);

        assertThat(ids(firstPage)).containsExactly("p5", "p4");
        assertThat(ids(secondPage)).containsExactly("p3", "p2");
        assertThat(firstPage.total()).isEqualTo(5);
        assertThat(values(firstPage, Facet.ZONE)).containsExactly(Map.entry("z1", 5L));
    }

    @Test
    void findsAProductByItsRegistrationCodeOrId() {
        index.upsert(product("prod-42", "企业征信数据", "金融", "API", List.of("api"), List.of("z1"), at(1)), null);
        index.upsert(product("prod-43", "企业征信报告", "金融", "API", List.of("api"), List.of("z1"), at(2)), null);

        assertThat(ids(bm25("reg-prod-43")).get(0)).isEqualTo("prod-43");
        assertThat(ids(bm25("prod-42")).get(0)).isEqualTo("prod-42");
    }

    @Test
    void denseSearchRanksByVectorAndSkipsProductsWithoutOne() {
        index.upsert(product("near", "甲", "一", "z1"), unit(DIMS, 2, 0.1f));
        index.upsert(product("far", "乙", "二", "z1"), unit(DIMS, 5, 0));
        index.upsert(product("none", "丙", "三", "z1"), null);

        SearchResults results = index.search(SearchRequest.of("随便", SearchMode.DENSE, 10), unit(DIMS, 2, 0));

        assertThat(ids(results)).containsExactly("near", "far");
        assertThat(results.hits().get(0).score()).isGreaterThan(0.99);
        assertThat(results.hits().get(0).denseRank()).isEqualTo(1);
        assertThat(results.hits().get(0).bm25Rank()).isNull();
        assertThat(results.total()).isEqualTo(2);
    }

    @Test
    void hybridReportsBothRanksAndCountsTextMatchesAndNeighbours() {
        index.upsert(product("both", "公交客流统计", "线路上下车人数", "z1"), unit(DIMS, 0, 0));
        index.upsert(product("text", "公交站点广告位", "候车亭广告", "z1"), unit(DIMS, 4, 0));
        index.upsert(product("vector", "地铁进出站", "闸机人数", "z1"), unit(DIMS, 0, 0.2f));

        SearchResults results = index.search(SearchRequest.of("公交客流", SearchMode.HYBRID, 10), unit(DIMS, 0, 0));

        assertThat(results.hits().get(0).productId()).isEqualTo("both");
        assertThat(results.hits().get(0).bm25Rank()).isEqualTo(1);
        assertThat(results.hits().get(0).denseRank()).isEqualTo(1);
        assertThat(results.total()).isEqualTo(3);
    }

    @Test
    void semanticModesNeedAQueryVectorOfTheIndexsDimensions() {
        assertThatThrownBy(() -> index.search(SearchRequest.of("公交", SearchMode.DENSE, 10), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(SearchRequest.of("公交", SearchMode.HYBRID, 10), new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.upsert(product("p", "公交", "", "z1"), new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.search(SearchRequest.of("公交", SearchMode.BM25, 10), null)
                        .hits())
                .isEmpty();
    }

    @Test
    void oddQueryCharactersFindNothingOrSomethingButNeverThrow() {
        index.upsert(product("p1", "医保结算数据", "说明", "z1"), unit(DIMS, 0, 0));
        for (String text : List.of("医保)(*&^%$#@!", "a+b:(c) AND \"d\" OR ~e* [f TO g]", "😀🚗", "\\", "\u0000")) {
            for (SearchMode mode : SearchMode.values()) {
                SearchResults results = index.search(SearchRequest.of(text, mode, 10), unit(DIMS, 0, 0));
                assertThat(results.mode()).isEqualTo(mode);
            }
        }
        assertThat(ids(bm25("医保)(*&^%$#@!"))).containsExactly("p1");
    }

    @Test
    void replaceAllSwapsTheContentAndCommitsItsData() {
        index.upsert(product("old", "旧产品", "说明", "z1"), null);
        assertThat(index.commitData()).isEmpty();

        index.replaceAll(
                List.of(
                        new CatalogIndex.IndexedProduct(product("a", "公交客流", "说明", "z1"), unit(DIMS, 0, 0)),
                        new CatalogIndex.IndexedProduct(product("b", "地铁客流", "说明", "z1"), null)),
                Map.of("storeVersion", "17"));

        assertThat(index.size()).isEqualTo(2);
        assertThat(ids(bm25("旧产品"))).isEmpty();
        assertThat(ids(bm25("客流"))).containsExactlyInAnyOrder("a", "b");
        assertThat(index.commitData()).containsExactly(Map.entry("storeVersion", "17"));
    }

    @Test
    void aFailedReplaceAllLeavesTheLastCommittedContent() {
        index.replaceAll(
                List.of(new CatalogIndex.IndexedProduct(product("kept", "公交客流", "说明", "z1"), null)),
                Map.of("storeVersion", "1"));
        Iterable<CatalogIndex.IndexedProduct> failing = () -> new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public CatalogIndex.IndexedProduct next() {
                if (given++ == 2) {
                    throw new IllegalStateException("store went away");
                }
                return new CatalogIndex.IndexedProduct(product("new" + given, "地铁客流", "说明", "z1"), null);
            }
        };

        assertThatThrownBy(() -> index.replaceAll(failing, Map.of("storeVersion", "2")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(ids(bm25("客流"))).containsExactly("kept");
        assertThat(index.commitData()).containsEntry("storeVersion", "1");
        index.upsert(product("after", "地铁客流", "说明", "z1"), null);
        assertThat(ids(bm25("客流"))).containsExactlyInAnyOrder("kept", "after");
    }

    @Test
    void reopensFromDiskWithItsProductsVectorsAndCommitData(@TempDir Path dir) {
        try (CatalogIndex onDisk = CatalogIndex.open(dir, DIMS)) {
            onDisk.replaceAll(
                    List.of(new CatalogIndex.IndexedProduct(product("a", "公交客流", "说明", "z1"), unit(DIMS, 3, 0))),
                    Map.of("storeVersion", "5"));
            onDisk.upsert(product("b", "地铁客流", "说明", "z1"), unit(DIMS, 6, 0));
        }
        try (CatalogIndex reopened = CatalogIndex.open(dir, DIMS)) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(reopened.commitData()).containsExactly(Map.entry("storeVersion", "5"));
            assertThat(ids(reopened.search(SearchRequest.of("客流", SearchMode.BM25, 10), null)))
                    .containsExactlyInAnyOrder("a", "b");
            assertThat(ids(reopened.search(SearchRequest.of("x", SearchMode.DENSE, 1), unit(DIMS, 6, 0))))
                    .containsExactly("b");
            reopened.commit(Map.of("storeVersion", "6"));
        }
        try (CatalogIndex again = CatalogIndex.open(dir, DIMS)) {
            assertThat(again.commitData()).containsExactly(Map.entry("storeVersion", "6"));
        }
    }

    @Test
    void searchesAndWritesRunConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int w = writer;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        index.upsert(product("w" + w + "-" + i, "公交客流" + i, "说明", "z1"), unit(DIMS, i, 0.1f));
                    }
                }));
            }
            for (int reader = 0; reader < 2; reader++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        SearchResults results =
                                index.search(SearchRequest.of("公交客流", SearchMode.HYBRID, 5), unit(DIMS, i, 0));
                        assertThat(results.hits().size()).isLessThanOrEqualTo(5);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(100);
        assertThat(bm25("公交客流").total()).isEqualTo(100);
    }

    private SearchResults bm25(String text) {
        return index.search(SearchRequest.of(text, SearchMode.BM25, 10), null);
    }

    private SearchResults search(String text, Map<Facet, Set<String>> filters) {
        return index.search(new SearchRequest(text, SearchMode.BM25, null, filters, 0, 10), null);
    }

    static List<String> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::productId).toList();
    }

    private static Map<String, Long> values(SearchResults results, Facet facet) {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        for (FacetCount count : results.facets().get(facet)) {
            values.put(count.value(), count.count());
        }
        return values;
    }

    private static Instant at(int hour) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hour);
    }
}
