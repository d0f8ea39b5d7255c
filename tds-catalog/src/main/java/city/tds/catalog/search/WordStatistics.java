package city.tds.catalog.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How telling one query word (with its synonyms) is in the index: its IDF in each text field and the share of products
 * containing it. Synonyms count as one term, as Lucene's SynonymQuery scores them: with the largest document frequency.
 *
 * @param idf BM25 IDF per field of {@link #FIELDS}
 * @param docFreq how many products hold the word
 * @param docCount how many products there are
 */
record WordStatistics(double[] idf, long docFreq, long docCount) {
    static final String[] FIELDS = {IndexFields.ALL, IndexFields.NAME};

    static WordStatistics of(IndexReader reader, List<String> group) throws IOException {
        double[] idf = new double[FIELDS.length];
        long allDocFreq = 0;
        long allDocCount = 0;
        for (int f = 0; f < FIELDS.length; f++) {
            int docCount = reader.getDocCount(FIELDS[f]);
            int docFreq = 0;
            for (String word : group) {
                docFreq = Math.max(docFreq, reader.docFreq(new Term(FIELDS[f], word)));
            }
            idf[f] = Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
            if (f == 0) {
                allDocFreq = docFreq;
                allDocCount = docCount;
            }
        }
        return new WordStatistics(idf, allDocFreq, allDocCount);
    }

    /**
     * The most this word can add to a product's score: its IDF in all the text plus the name weight times its IDF in
     * names (a BM25 term score approaches boost × IDF as the term frequency grows).
     */
    double ceiling(TextScoring scoring) {
        return idf[0] + scoring.name() * idf[1];
    }
}
