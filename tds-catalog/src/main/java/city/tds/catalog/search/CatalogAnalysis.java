package city.tds.catalog.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the catalog index, built once from the shipped resources (domain dictionary, synonyms, query stop
 * words). Analyzers are thread-safe; one instance serves an index and all its queries.
 */
final class CatalogAnalysis implements AutoCloseable {
    static final String QUERY_STOPWORDS_RESOURCE = "query-stopwords.txt";

    private final DomainDictionary dictionary;
    private final WordAnalyzer indexWords;
    private final WordAnalyzer queryWords;
    private final BigramAnalyzer bigrams;
    private final Set<String> queryStopwords;
    private final Analyzer indexAnalyzer;

    CatalogAnalysis(DomainDictionary dictionary, SynonymMap synonyms, Set<String> queryStopwords) {
        this.dictionary = dictionary;
        this.indexWords = new WordAnalyzer(dictionary, true, null);
        this.queryWords = new WordAnalyzer(dictionary, false, synonyms);
        this.bigrams = new BigramAnalyzer();
        this.queryStopwords = Set.copyOf(queryStopwords);
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(indexWords, Map.of(IndexFields.BIGRAMS, bigrams));
    }

    /** The shipped dictionary, synonyms and stop words. */
    static CatalogAnalysis shipped() {
        DomainDictionary dictionary = DomainDictionary.shipped();
        Set<String> stopwords = new HashSet<>();
        for (String word : DomainDictionary.readLines(QUERY_STOPWORDS_RESOURCE)) {
            stopwords.add(DomainDictionary.normalise(word));
        }
        return new CatalogAnalysis(dictionary, parseSynonyms(dictionary), stopwords);
    }

    /** Analyzer for IndexWriter: words (with parts of domain terms) everywhere, bigrams in the bigram field. */
    Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** Words of a query, synonyms stacked at the position of the word they expand. */
    Analyzer queryWords() {
        return queryWords;
    }

    Analyzer bigrams() {
        return bigrams;
    }

    Analyzer indexWords() {
        return indexWords;
    }

    DomainDictionary dictionary() {
        return dictionary;
    }

    boolean isQueryStopword(String term) {
        return queryStopwords.contains(term);
    }

    private static SynonymMap parseSynonyms(DomainDictionary dictionary) {
        List<String> lines = DomainDictionary.readLines(DomainDictionary.SYNONYMS_RESOURCE);
        try (Analyzer entries = new WordAnalyzer(dictionary, false, null)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            parser.parse(new StringReader(String.join("\n", lines)));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms", e);
        } catch (ParseException e) {
            throw new IllegalStateException("bad line in " + DomainDictionary.SYNONYMS_RESOURCE, e);
        }
    }

    @Override
    public void close() {
        indexWords.close();
        queryWords.close();
        bigrams.close();
    }
}
