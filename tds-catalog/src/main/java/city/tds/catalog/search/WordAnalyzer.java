package city.tds.catalog.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Chinese word analysis of the catalog's text fields: {@link DomainTermTokenizer}, Porter stemming for Latin words,
 * and, at query time, synonym expansion (SynonymGraphFilter; every synonym is a single dictionary token, so the graph
 * is flat).
 */
final class WordAnalyzer extends Analyzer {
    private final DomainDictionary dictionary;
    private final boolean emitParts;
    private final SynonymMap synonyms;

    /**
     * @param emitParts index time: also emit the parts of merged domain terms
     * @param synonyms query time: expand synonyms; null for none
     */
    WordAnalyzer(DomainDictionary dictionary, boolean emitParts, SynonymMap synonyms) {
        this.dictionary = dictionary;
        this.emitParts = emitParts;
        this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        DomainTermTokenizer tokenizer = new DomainTermTokenizer(dictionary, emitParts);
        TokenStream stream = new PorterStemFilter(tokenizer);
        if (synonyms != null && synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
