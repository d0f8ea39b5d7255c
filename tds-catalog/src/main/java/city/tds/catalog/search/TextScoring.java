package city.tds.catalog.search;

/**
 * The weights of full-text scoring. {@link #DEFAULT} holds the values chosen on the catalog evaluation set.
 *
 * @param name weight of a word found in the product name, on top of its score in all the text
 * @param bigrams boost of the CJK-bigram safety net
 * @param synonym weight of a synonym relative to the word the user typed (0, 1]
 * @param bigramMinimumMatch share of the query's telling bigrams a document needs to match on the bigram field
 * @param dropSingleCharacters drop one-character CJK words from queries that also have longer words
 * @param commonWordFrequency share of products above which a query word is common: it no longer matches by itself
 * @param commonWordMinimum a word held by no more products than this is never common, however small the catalog
 */
record TextScoring(
        float name,
        float bigrams,
        float synonym,
        float bigramMinimumMatch,
        boolean dropSingleCharacters,
        double commonWordFrequency,
        int commonWordMinimum) {

    /** True when a word held by {@code docFreq} of {@code docCount} products is common. */
    boolean isCommon(long docFreq, long docCount) {
        return docFreq > commonWordMinimum && docFreq > commonWordFrequency * docCount;
    }

    static final TextScoring DEFAULT = new TextScoring(1f, 0.3f, 0.8f, 0.8f, true, 0.05, 1000);
}
