package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogGenerator.GeneratedProduct;
import city.tds.catalog.search.SearchDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judged relevance set ({@code catalog-relevance.json}): hand-written products, the size and seed of the generated
 * background, and queries with graded judgments. A judgment key {@code h:<key>} names a hand-written product,
 * {@code s:<subject>} every generated product of that data subject, {@code s:<subject>/<form>} those of one form only.
 */
public final class RelevanceSet {

    static final String RESOURCE = "/city/tds/bench/catalog-relevance.json";
    static final String GENERATED_PREFIX = "g-";

    /** A query, its style (exact, paraphrase, synonym, long, distractor) and its judgment keys with grades. */
    public record JudgedQuery(String id, String style, String text, Map<String, Integer> judgments) {}

    /** The products of the judged catalog, with the subject and form of each generated one. */
    public record JudgedCatalog(
            List<SearchDocument> documents, Map<String, String> subjects, Map<String, String> forms) {

        /** The grade of every product {@code query} judges (products not in the map are 0). */
        public Map<String, Integer> grades(JudgedQuery query) {
            Map<String, Integer> grades = new HashMap<>();
            for (SearchDocument document : documents) {
                String id = document.productId();
                Integer grade;
                String subject = subjects.get(id);
                if (subject == null) {
                    grade = query.judgments().get("h:" + id);
                } else {
                    grade = query.judgments().get("s:" + subject + "/" + forms.get(id));
                    if (grade == null) {
                        grade = query.judgments().get("s:" + subject);
                    }
                }
                if (grade != null && grade > 0) {
                    grades.put(id, grade);
                }
            }
            return grades;
        }
    }

    private final List<SearchDocument> handProducts;
    private final long backgroundSeed;
    private final int backgroundProducts;
    private final List<JudgedQuery> queries;

    private RelevanceSet(
            List<SearchDocument> handProducts, long backgroundSeed, int backgroundProducts, List<JudgedQuery> queries) {
        this.handProducts = List.copyOf(handProducts);
        this.backgroundSeed = backgroundSeed;
        this.backgroundProducts = backgroundProducts;
        this.queries = List.copyOf(queries);
    }

    /** The set shipped in the benchmark jar. */
    public static RelevanceSet shipped() {
        try (InputStream in =
                Objects.requireNonNull(RelevanceSet.class.getResourceAsStream(RESOURCE), "missing " + RESOURCE)) {
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SearchDocument> handProducts() {
        return handProducts;
    }

    public List<JudgedQuery> queries() {
        return queries;
    }

    public long backgroundSeed() {
        return backgroundSeed;
    }

    public int backgroundProducts() {
        return backgroundProducts;
    }

    /** Hand-written products followed by the generated background. */
    public JudgedCatalog catalog() {
        List<SearchDocument> documents = new ArrayList<>(handProducts);
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> forms = new HashMap<>();
        CatalogGenerator generator = new CatalogGenerator(backgroundSeed, GENERATED_PREFIX);
        for (GeneratedProduct product : generator.products(backgroundProducts)) {
            documents.add(product.document());
            subjects.put(product.document().productId(), generator.subjectOf(product.template()));
            forms.put(product.document().productId(), generator.formOf(product.template()));
        }
        return new JudgedCatalog(List.copyOf(documents), Map.copyOf(subjects), Map.copyOf(forms));
    }

    static RelevanceSet parse(JsonNode root) {
        List<SearchDocument> products = new ArrayList<>();
        int n = 0;
        for (JsonNode p : root.path("products")) {
            String industry = p.path("industry").asText();
            String type = p.path("type").asText();
            String provider = p.path("provider").asText();
            String zone = CatalogVocabulary.INDUSTRY_ZONES.getOrDefault(industry, "zone-public");
            products.add(new SearchDocument(
                    p.path("key").asText(),
                    p.path("name").asText(),
                    p.path("description").asText(),
                    strings(p.path("keywords")),
                    strings(p.path("fields")),
                    "prov-hand-" + Integer.toHexString(provider.hashCode()),
                    provider,
                    industry,
                    productType(type),
                    p.path("grade").asText("").contains("4") ? "IMPORTANT" : "GENERAL",
                    deliveryModes(type),
                    List.of(zone),
                    "TDS-DP-HAND-" + (++n),
                    Instant.parse("2025-06-01T00:00:00Z").plusSeconds(86_400L * n)));
        }
        List<JudgedQuery> queries = new ArrayList<>();
        for (JsonNode q : root.path("queries")) {
            Map<String, Integer> judgments = new LinkedHashMap<>();
            q.path("judgments")
                    .properties()
                    .forEach(e -> judgments.put(e.getKey(), e.getValue().asInt()));
            queries.add(new JudgedQuery(
                    q.path("id").asText(),
                    q.path("style").asText(),
                    q.path("text").asText(),
                    Map.copyOf(judgments)));
        }
        JsonNode background = root.path("background");
        return new RelevanceSet(
                products,
                background.path("seed").asLong(),
                background.path("products").asInt(),
                queries);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The catalog's {@code ProductType} name for the label used in the JSON file. */
    private static String productType(String label) {
        return switch (label) {
            case "数据接口" -> "API";
            case "数据模型" -> "MODEL";
            default -> "DATASET";
        };
    }

    private static List<String> deliveryModes(String label) {
        return switch (label) {
            case "数据接口" -> List.of("API");
            case "数据模型" -> List.of("API", "SANDBOX");
            case "数据报告" -> List.of("FILE_TRANSFER");
            default -> List.of("SANDBOX");
        };
    }
}
