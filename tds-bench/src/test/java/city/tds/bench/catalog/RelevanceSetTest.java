package city.tds.bench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.bench.catalog.CatalogGenerator.GeneratedProduct;
import city.tds.bench.catalog.RelevanceSet.JudgedCatalog;
import city.tds.bench.catalog.RelevanceSet.JudgedQuery;
import city.tds.catalog.search.RankingMetrics;
import city.tds.catalog.search.SearchDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judged relevance set and the catalog generator are well-formed; nothing here measures time. */
class RelevanceSetTest {

    private final RelevanceSet set = RelevanceSet.shipped();
    private final JudgedCatalog catalog = set.catalog();

    @Test
    void hasAtLeastFiftyDistinctQueriesOfTheExpectedStyles() {
        List<JudgedQuery> queries = set.queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(50);
        assertThat(queries.stream().map(JudgedQuery::id)).doesNotHaveDuplicates();
        assertThat(queries.stream().map(q -> q.text().strip())).doesNotHaveDuplicates();
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.text()).isNotBlank();
            assertThat(q.style()).isIn("exact", "paraphrase", "synonym", "long", "distractor");
        });
        for (String style : List.of("exact", "paraphrase", "synonym", "long", "distractor")) {
            assertThat(queries).anySatisfy(q -> assertThat(q.style()).isEqualTo(style));
        }
    }

    @Test
    void everyJudgedKeyNamesProductsOfTheJudgedCatalog() {
        Set<String> handKeys = new HashSet<>();
        set.handProducts().forEach(p -> handKeys.add(p.productId()));
        Set<String> subjects = new HashSet<>(catalog.subjects().values());
        Set<String> subjectForms = new HashSet<>();
        catalog.subjects()
                .forEach((id, subject) ->
                        subjectForms.add(subject + "/" + catalog.forms().get(id)));
        for (JudgedQuery query : set.queries()) {
            assertThat(query.judgments()).as(query.id()).isNotEmpty();
            query.judgments().forEach((key, grade) -> {
                assertThat(grade).as(query.id() + " " + key).isBetween(1, 3);
                if (key.startsWith("h:")) {
                    assertThat(handKeys).as(query.id()).contains(key.substring(2));
                } else {
                    assertThat(key).as(query.id()).startsWith("s:");
                    String subject = key.substring(2);
                    assertThat(subject.contains("/") ? subjectForms : subjects)
                            .as(query.id() + " judges " + key)
                            .contains(subject);
                }
            });
            Map<String, Integer> grades = catalog.grades(query);
            assertThat(grades.values())
                    .as(query.id() + " has a product of grade 3")
                    .contains(3);
        }
    }

    @Test
    void judgedCatalogHasAFewThousandProductsWithDistinctIdsAndTexts() {
        List<SearchDocument> documents = catalog.documents();
        assertThat(documents.size()).isBetween(2000, 5000);
        assertThat(documents.stream().map(SearchDocument::productId)).doesNotHaveDuplicates();
        assertThat(documents.stream().map(SearchDocument::embeddingText)).doesNotHaveDuplicates();
        assertThat(set.handProducts()).allSatisfy(p -> {
            assertThat(p.productId()).doesNotStartWith(RelevanceSet.GENERATED_PREFIX);
            assertThat(p.description()).isNotBlank();
            assertThat(p.keywords()).isNotEmpty();
        });
    }

    @Test
    void everyDataSubjectIsInTheJudgedBackground() {
        Set<String> inCatalog = new HashSet<>(catalog.subjects().values());
        for (CatalogVocabulary.Subject subject : CatalogVocabulary.shipped().subjects) {
            assertThat(inCatalog).as(subject.id()).contains(subject.id());
        }
    }

    @Test
    void generatorIsDeterministicForASeed() {
        assertThat(documents(new CatalogGenerator(7, "p-"), 3000))
                .isEqualTo(documents(new CatalogGenerator(7, "p-"), 3000));
        assertThat(documents(new CatalogGenerator(8, "p-"), 100))
                .isNotEqualTo(documents(new CatalogGenerator(7, "p-"), 100));
        assertThat(ScaleQueries.generate(500, 3, true)).isEqualTo(ScaleQueries.generate(500, 3, true));
    }

    @Test
    void generatedProductsNeverRepeatTextOrParts() {
        CatalogGenerator generator = new CatalogGenerator(20261201, "p-");
        assertThat(generator.capacity()).isGreaterThan(1_000_000);
        Set<String> texts = new HashSet<>();
        Set<List<Integer>> parts = new HashSet<>();
        for (GeneratedProduct product : generator.products(60_000)) {
            assertThat(texts.add(product.document().embeddingText())).isTrue();
            assertThat(parts.add(List.of(product.template(), product.providerPart(), product.variant())))
                    .isTrue();
            assertThat(product.document().providerName()).isNotBlank();
            assertThat(product.document().zoneIds()).isNotEmpty();
            assertThat(product.document().deliveryModes()).isNotEmpty();
        }
        assertThat(Uniqueness.duplicates(new long[] {3, 1, 3, 2, 1}, 5)).isEqualTo(2);
    }

    @Test
    void scaleQueriesAreDistinctAndStartWithTheJudgedQueries() {
        List<String> queries = ScaleQueries.generate(2000, 20261201, true);
        assertThat(queries).hasSize(2000).doesNotHaveDuplicates();
        assertThat(queries.get(0)).isEqualTo(set.queries().get(0).text());
    }

    @Test
    void rankingMetricsFollowTheirDefinitions() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 2, "c", 1);
        RankingMetrics.Scores ideal = RankingMetrics.score(List.of("a", "b", "c"), grades, 10);
        assertThat(ideal.ndcg()).isEqualTo(1.0);
        assertThat(ideal.mrr()).isEqualTo(1.0);
        assertThat(ideal.recall()).isEqualTo(1.0);
        RankingMetrics.Scores late = RankingMetrics.score(List.of("x", "c", "b"), grades, 10);
        assertThat(late.mrr()).isEqualTo(1.0 / 3);
        assertThat(late.recall()).isEqualTo(0.5);
        assertThat(late.ndcg()).isBetween(0.0, 1.0);
        assertThat(RankingMetrics.score(List.of("x"), grades, 10).ndcg()).isZero();
    }

    private static List<SearchDocument> documents(CatalogGenerator generator, int n) {
        List<SearchDocument> documents = new ArrayList<>();
        generator.products(n).forEach(p -> documents.add(p.document()));
        return documents;
    }
}
