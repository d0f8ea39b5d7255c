package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogVocabulary.Form;
import city.tds.bench.catalog.CatalogVocabulary.ProviderKind;
import city.tds.bench.catalog.CatalogVocabulary.Region;
import city.tds.bench.catalog.CatalogVocabulary.Template;
import city.tds.bench.catalog.CatalogVocabulary.Variant;
import city.tds.catalog.search.SearchDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A deterministic catalog of products modelled on the seed report's scenarios. Product {@code i} is one distinct
 * combination of template (a data subject in one form), region (a pilot city or one of its districts) and coverage
 * variant, drawn without repetition through a seeded permutation of all combinations; the provider is one of the
 * subject's provider kinds in the region's city. So no two products share their text, and the same seed always gives
 * the same catalog.
 */
public final class CatalogGenerator {

    /** A generated product and the three parts its composed vector is made of. */
    public record GeneratedProduct(SearchDocument document, int template, int providerPart, int variant) {}

    private static final Instant FIRST_LISTING = Instant.parse("2024-01-01T00:00:00Z");
    private static final int ROUNDS = 4;

    private final CatalogVocabulary vocabulary = CatalogVocabulary.shipped();
    private final long seed;
    private final String idPrefix;
    private final long combinations;
    private final int bits;
    private final long[] keys = new long[ROUNDS];

    /** A generator whose products have ids {@code idPrefix} followed by their number. */
    public CatalogGenerator(long seed, String idPrefix) {
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.combinations = (long) vocabulary.templates.size()
                * CatalogVocabulary.REGIONS.size()
                * CatalogVocabulary.VARIANTS.size();
        int b = 2;
        while ((1L << b) < combinations) {
            b += 2;
        }
        this.bits = b;
        for (int r = 0; r < ROUNDS; r++) {
            keys[r] = mix(seed * 31 + r);
        }
    }

    /** How many distinct products this generator can make. */
    public long capacity() {
        return combinations;
    }

    public int templateCount() {
        return vocabulary.templates.size();
    }

    /** Number of distinct provider-and-region parts (most are used by a large catalog). */
    public int providerPartCount() {
        return CatalogVocabulary.PROVIDER_KINDS.size() * CatalogVocabulary.REGIONS.size();
    }

    public int variantCount() {
        return CatalogVocabulary.VARIANTS.size();
    }

    /** The text of template {@code t} alone, embedded once for every product made from it. */
    public String templateText(int t) {
        return vocabulary.templates.get(t).text();
    }

    /** The subject id of template {@code t}. */
    public String subjectOf(int t) {
        return vocabulary.templates.get(t).subject().id();
    }

    /** The form letter (D, A, V, M, R) of template {@code t}. */
    public String formOf(int t) {
        return vocabulary.templates.get(t).form().name();
    }

    /** The text of a provider-and-region part: the name prefix and the provider sentence. */
    public String providerPartText(int part) {
        ProviderKind kind = CatalogVocabulary.PROVIDER_KINDS.get(part / CatalogVocabulary.REGIONS.size());
        Region region = CatalogVocabulary.REGIONS.get(part % CatalogVocabulary.REGIONS.size());
        return region.prefix() + "。" + providerSentence(kind, region);
    }

    public String variantText(int v) {
        return CatalogVocabulary.VARIANTS.get(v).text();
    }

    /** Product number {@code i} (0-based, below {@link #capacity()}). */
    public GeneratedProduct product(long i) {
        if (i < 0 || i >= combinations) {
            throw new IllegalArgumentException("product " + i + " outside 0.." + (combinations - 1));
        }
        long combination = permute(i);
        int variants = CatalogVocabulary.VARIANTS.size();
        int regions = CatalogVocabulary.REGIONS.size();
        int v = (int) (combination % variants);
        int r = (int) ((combination / variants) % regions);
        int t = (int) (combination / ((long) variants * regions));
        Template template = vocabulary.templates.get(t);
        Region region = CatalogVocabulary.REGIONS.get(r);
        Variant variant = CatalogVocabulary.VARIANTS.get(v);
        long h = mix(seed ^ (combination * 0x9E3779B97F4A7C15L));
        List<ProviderKind> kinds = template.subject().providers();
        ProviderKind kind = kinds.get((int) Math.floorMod(h, (long) kinds.size()));
        int providerPart = CatalogVocabulary.PROVIDER_KINDS.indexOf(kind) * regions + r;
        String id = idPrefix + i;
        SearchDocument document = new SearchDocument(
                id,
                region.prefix() + template.name() + "（" + variant.years() + "）",
                template.subject().description()
                        + template.form().sentence
                        + providerSentence(kind, region)
                        + "，时间范围" + variant.years() + "，" + variant.frequency() + "。",
                template.subject().keywords(),
                template.subject().fields(),
                "prov-" + kind.code() + "-" + region.city().code(),
                kind.nameIn(region.city()),
                template.subject().industry(),
                productType(template),
                grade(template),
                deliveryModes(template),
                zones(template, kind),
                "TDS-DP-" + region.city().code().toUpperCase(java.util.Locale.ROOT) + "-" + seed + "-" + i,
                FIRST_LISTING.plusSeconds(Math.floorMod(h >>> 16, 2L * 365 * 24 * 3600)));
        return new GeneratedProduct(document, t, providerPart, v);
    }

    /** Products {@code 0..count-1}, generated lazily. */
    public Iterable<GeneratedProduct> products(long count) {
        if (count > combinations) {
            throw new IllegalArgumentException(
                    "at most " + combinations + " distinct products can be generated, not " + count);
        }
        return () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public GeneratedProduct next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return product(next++);
            }
        };
    }

    private static String providerSentence(ProviderKind kind, Region region) {
        return "数据由" + kind.nameIn(region.city()) + "提供，覆盖" + region.fullName();
    }

    /**
     * Facet values as the catalog indexes them ({@code CatalogIndexer}): the names of {@code ProductType},
     * {@code DataGrade} and {@code DeliveryMode}.
     */
    private static String productType(Template template) {
        int grade = template.subject().grade();
        return switch (template.form()) {
            case D -> grade <= 2 ? "DATASET" : grade == 3 ? "SANDBOX_SERVICE" : "PRIVACY_COMPUTING_SERVICE";
            case A, V -> "API";
            case M -> "MODEL";
            case R -> "DATASET";
        };
    }

    private static String grade(Template template) {
        return template.subject().grade() == 4 && template.form() != Form.R ? "IMPORTANT" : "GENERAL";
    }

    private static List<String> deliveryModes(Template template) {
        int grade = template.subject().grade();
        return switch (template.form()) {
            case D ->
                grade <= 2
                        ? List.of("FILE_TRANSFER", "SANDBOX")
                        : grade == 3 ? List.of("SANDBOX") : List.of("PRIVACY_COMPUTING", "SANDBOX");
            case A, V -> List.of("API");
            case M -> grade >= 3 ? List.of("PRIVACY_COMPUTING", "SANDBOX") : List.of("API", "SANDBOX");
            case R -> List.of("FILE_TRANSFER");
        };
    }

    private static List<String> zones(Template template, ProviderKind kind) {
        List<String> zones = new ArrayList<>(2);
        String zone = CatalogVocabulary.INDUSTRY_ZONES.get(template.subject().industry());
        zones.add(zone == null ? "zone-public" : zone);
        if (kind.government() && !zones.contains("zone-public")) {
            zones.add("zone-public");
        }
        return zones;
    }

    /** A bijection of [0, combinations): a balanced Feistel network on {@code bits} bits, walked until in range. */
    private long permute(long i) {
        long x = i;
        do {
            x = feistel(x);
        } while (x >= combinations);
        return x;
    }

    private long feistel(long x) {
        int half = bits / 2;
        long mask = (1L << half) - 1;
        long left = x >>> half;
        long right = x & mask;
        for (long key : keys) {
            long next = left ^ (mix(right ^ key) & mask);
            left = right;
            right = next;
        }
        return (left << half) | right;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
