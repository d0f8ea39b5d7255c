package city.tds.bench.catalog;

import city.tds.bench.catalog.CatalogVocabulary.Region;
import city.tds.bench.catalog.CatalogVocabulary.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Distinct queries for the latency benchmark, in the styles users type: the judged set's queries (exact words,
 * paraphrases, abbreviations, long needs), subject names with or without a region, one or two keywords, field names,
 * provider plus keyword, and short natural-language sentences.
 */
final class ScaleQueries {
    private ScaleQueries() {}

    /** {@code count} distinct queries; the judged set's queries first when {@code withJudgedQueries}. */
    static List<String> generate(int count, long seed, boolean withJudgedQueries) {
        CatalogVocabulary vocabulary = CatalogVocabulary.shipped();
        List<Subject> subjects = vocabulary.subjects;
        List<Region> regions = CatalogVocabulary.REGIONS;
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> queries = new LinkedHashSet<>();
        if (withJudgedQueries) {
            RelevanceSet.shipped().queries().forEach(q -> queries.add(q.text()));
        }
        int attempts = 0;
        while (queries.size() < count) {
            if (++attempts > count * 100) {
                throw new IllegalStateException("cannot make " + count + " distinct queries");
            }
            Subject s = subjects.get(random.nextInt(subjects.size()));
            Region r = regions.get(random.nextInt(regions.size()));
            String keyword = pick(s.keywords(), random);
            String query =
                    switch (random.nextInt(9)) {
                        case 0 -> s.name();
                        case 1 -> r.prefix() + s.name();
                        case 2 -> keyword;
                        case 3 -> keyword + " " + pick(s.keywords(), random);
                        case 4 -> pick(s.fields(), random) + " " + pick(s.fields(), random);
                        case 5 -> s.providers().get(0).nameIn(r.city()) + " " + keyword;
                        case 6 -> "查询" + r.city().shortName() + "的" + keyword + "数据";
                        case 7 -> "我想了解" + r.fullName() + "的" + s.name() + "，按月更新的最好";
                        default -> r.city().shortName() + keyword + pick(List.of("数据", "接口", "报告", "模型"), random);
                    };
            queries.add(query.strip());
        }
        return new ArrayList<>(queries).subList(0, count);
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
