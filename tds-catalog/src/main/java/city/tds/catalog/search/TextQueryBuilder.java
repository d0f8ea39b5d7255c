package city.tds.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the full-text query from analysed tokens, never through a query parser, so any characters are safe. Each
 * query word (with its synonyms, scored as one term) is looked for in all the text of a product, with a bonus when
 * it is in the name.
 *
 * <p>What matches: any of the query's telling words, or most of its character bigrams (the bigram field, a safety net
 * for words segmented differently in query and product), or an exact registration code or product id. Common words,
 * held by more than {@link TextScoring#commonWordFrequency()} of the products (and by more than {@link
 * TextScoring#commonWordMinimum()}: 企业, 管理中心 in a large catalog), neither match by themselves nor score the whole
 * match set: they re-score the best hits where they are in the product name ({@link TextQuery#commonWords()}), much as
 * Lucene's CommonTermsQuery treats them. A query made only of common words matches any of them. This keeps the match
 * set, whose facets are counted, to products that are about the query, and bounds the work on a large catalog.
 *
 * <p>{@link TextQuery#ceiling()} estimates the best score the query can reach, for {@link HybridFusion}: per word its
 * IDF in all the text plus the name weight times its IDF in names, summed. Dividing a score by it says how much of
 * the query a product covers, weighted by how telling each word is.
 */
final class TextQueryBuilder {
    private static final float EXACT_CODE_BOOST = 100f;

    private final Supplier<CatalogAnalysis> analysis;
    private final TextScoring scoring;

    TextQueryBuilder(Supplier<CatalogAnalysis> analysis, TextScoring scoring) {
        this.analysis = analysis;
        this.scoring = scoring;
    }

    /**
     * A full-text query.
     *
     * @param query what matches, scored by the telling words, bigrams and codes
     * @param commonWords the common words (in names), to re-score the best hits with; null when there are none
     * @param ceiling the best score the query can reach ({@link WordStatistics#ceiling}, summed over its words)
     */
    record TextQuery(Query query, Query commonWords, double ceiling) {}

    /** The query for {@code text} against the index {@code reader} reads, empty when nothing searchable is left. */
    Optional<TextQuery> build(String text, IndexReader reader) throws IOException {
        List<List<String>> groups = queryWords(text);
        List<Query> telling = new ArrayList<>();
        List<List<String>> common = new ArrayList<>();
        double ceiling = 0;
        for (List<String> group : groups) {
            WordStatistics statistics = WordStatistics.of(reader, group);
            ceiling += statistics.ceiling(scoring);
            if (scoring.isCommon(statistics.docFreq(), statistics.docCount())) {
                common.add(group);
            } else {
                telling.add(inAnyField(group));
            }
        }
        if (telling.isEmpty()) {
            common.forEach(group -> telling.add(inAnyField(group)));
            common.clear();
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        telling.forEach(word -> matching.add(word, Occur.SHOULD));
        bigramQuery(text, reader)
                .ifPresent(bigrams -> matching.add(new BoostQuery(bigrams, scoring.bigrams()), Occur.SHOULD));
        String code = ProductDocuments.exactCode(text);
        if (!code.isEmpty()) {
            matching.add(
                    new BoostQuery(new TermQuery(new Term(IndexFields.REGISTRATION_CODE, code)), EXACT_CODE_BOOST),
                    Occur.SHOULD);
            matching.add(
                    new BoostQuery(new TermQuery(new Term(IndexFields.ID, text.strip())), EXACT_CODE_BOOST),
                    Occur.SHOULD);
        }
        BooleanQuery query = matching.build();
        if (query.clauses().isEmpty()) {
            return Optional.empty();
        }
        if (common.isEmpty()) {
            return Optional.of(new TextQuery(query, null, ceiling));
        }
        BooleanQuery.Builder commonWords = new BooleanQuery.Builder();
        for (List<String> group : common) {
            commonWords.add(field(IndexFields.NAME, group, scoring.name()), Occur.SHOULD);
        }
        return Optional.of(new TextQuery(query, commonWords.build(), ceiling));
    }

    /** One group per query position: the word typed first, then its synonyms. */
    List<List<String>> queryWords(String text) {
        List<List<String>> groups = new ArrayList<>();
        try (TokenStream stream = analysis.get().queryWords().tokenStream(IndexFields.NAME, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            List<String> original = new ArrayList<>();
            Set<String> synonyms = new LinkedHashSet<>();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 && !(original.isEmpty() && synonyms.isEmpty())) {
                    groups.add(group(original, synonyms));
                    original.clear();
                    synonyms.clear();
                }
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    synonyms.add(term.toString());
                } else {
                    original.add(term.toString());
                }
            }
            if (!(original.isEmpty() && synonyms.isEmpty())) {
                groups.add(group(original, synonyms));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withoutNoise(groups);
    }

    private static List<String> group(List<String> original, Set<String> synonyms) {
        Set<String> words = new LinkedHashSet<>(original);
        words.addAll(synonyms);
        return List.copyOf(words);
    }

    private List<List<String>> withoutNoise(List<List<String>> groups) {
        List<List<String>> kept = new ArrayList<>();
        for (List<String> group : groups) {
            if (!analysis.get().isQueryStopword(group.get(0))) {
                kept.add(group);
            }
        }
        if (kept.isEmpty()) {
            return groups;
        }
        if (scoring.dropSingleCharacters()) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> group : kept) {
                if (!isSingleCjkCharacter(group.get(0)) || group.size() > 1) {
                    longer.add(group);
                }
            }
            if (!longer.isEmpty()) {
                return longer;
            }
        }
        return kept;
    }

    /** The word (with its synonyms) in all the text, plus a bonus when it is in the name. */
    private Query inAnyField(List<String> group) {
        return new BooleanQuery.Builder()
                .add(field(IndexFields.ALL, group, 1f), Occur.SHOULD)
                .add(field(IndexFields.NAME, group, scoring.name()), Occur.SHOULD)
                .build();
    }

    private Query field(String field, List<String> group, float boost) {
        SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
        synonyms.addTerm(new Term(field, group.get(0)));
        for (int i = 1; i < group.size(); i++) {
            synonyms.addTerm(new Term(field, group.get(i)), scoring.synonym());
        }
        return new BoostQuery(synonyms.build(), boost);
    }

    /**
     * Most of the query's telling bigrams: common ones (管理, 中心, 数据 in a large catalog) match nearly everything and
     * cost the most to walk, so they are left out.
     */
    private Optional<Query> bigramQuery(String text, IndexReader reader) throws IOException {
        Set<String> bigrams = analyse(analysis.get().bigrams(), IndexFields.BIGRAMS, text);
        int docCount = reader.getDocCount(IndexFields.BIGRAMS);
        List<String> telling = new ArrayList<>();
        for (String bigram : bigrams) {
            int docFreq = reader.docFreq(new Term(IndexFields.BIGRAMS, bigram));
            if (!scoring.isCommon(docFreq, docCount)) {
                telling.add(bigram);
            }
        }
        if (telling.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String bigram : telling) {
            query.add(new TermQuery(new Term(IndexFields.BIGRAMS, bigram)), Occur.SHOULD);
        }
        query.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(telling.size() * scoring.bigramMinimumMatch())));
        return Optional.of(query.build());
    }

    private static Set<String> analyse(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static boolean isSingleCjkCharacter(String word) {
        return word.codePointCount(0, word.length()) == 1
                && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
