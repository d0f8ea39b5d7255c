package city.tds.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** Answers one {@link SearchRequest} on one searcher: full-text, nearest neighbours, or both fused. */
final class SearchExecutor {
    /** Candidates each side contributes to a hybrid ranking, and the dense result set, at least. */
    static final int CANDIDATES = 100;
    /** No page reaches beyond this many results. */
    static final int MAX_WINDOW = 1000;

    private static final Set<String> ID_ONLY = Set.of(IndexFields.ID);
    private static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.LISTED_AT, SortField.Type.LONG, true));

    private final TextQueryBuilder textQueries;
    private final HybridFusion fusion;
    private final FacetLabels facetLabels = new FacetLabels();

    SearchExecutor(TextQueryBuilder textQueries, HybridFusion fusion) {
        this.textQueries = textQueries;
        this.fusion = fusion;
    }

    SearchResults run(IndexSearcher searcher, SearchRequest request, float[] queryVector) throws IOException {
        if (SearchFilters.seesNothing(request)) {
            return SearchResults.empty(request.mode());
        }
        Optional<Query> filter = SearchFilters.of(request);
        if (request.isBrowse()) {
            return browse(searcher, request, filter);
        }
        if (request.mode() != SearchMode.BM25 && queryVector == null) {
            throw new IllegalArgumentException(request.mode() + " search needs a query vector");
        }
        return switch (request.mode()) {
            case BM25 -> fullText(searcher, request, textQuery(searcher, request), filter);
            case DENSE -> dense(searcher, request, queryVector, filter);
            case HYBRID -> hybrid(searcher, request, textQuery(searcher, request), queryVector, filter);
        };
    }

    private Optional<TextQueryBuilder.TextQuery> textQuery(IndexSearcher searcher, SearchRequest request)
            throws IOException {
        return textQueries.build(request.text(), searcher.getIndexReader());
    }

    private SearchResults browse(IndexSearcher searcher, SearchRequest request, Optional<Query> filter)
            throws IOException {
        Query all = SearchFilters.restrict(new MatchAllDocsQuery(), filter);
        int window = Math.max(window(request), 1);
        Object[] results = searcher.search(
                all,
                new MultiCollectorManager(
                        new TopFieldCollectorManager(NEWEST_FIRST, window, null, Integer.MAX_VALUE),
                        FacetCounts.manager(facetLabels)));
        List<SearchHit> hits = new ArrayList<>();
        ScoreDoc[] docs = ((TopDocs) results[0]).scoreDocs;
        for (int i = request.offset(); i < Math.min(docs.length, window(request)); i++) {
            hits.add(new SearchHit(productId(searcher, docs[i].doc), 0, null, null));
        }
        return results((FacetCounts.Counted) results[1], hits, request.mode());
    }

    private SearchResults fullText(
            IndexSearcher searcher,
            SearchRequest request,
            Optional<TextQueryBuilder.TextQuery> text,
            Optional<Query> filter)
            throws IOException {
        if (text.isEmpty()) {
            return SearchResults.empty(request.mode());
        }
        int window = Math.max(window(request), 1);
        Object[] results = searcher.search(
                SearchFilters.restrict(text.get().query(), filter),
                new MultiCollectorManager(
                        new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE),
                        FacetCounts.manager(facetLabels)));
        ScoreDoc[] docs = withCommonWords(searcher, (TopDocs) results[0], text.get(), window).scoreDocs;
        List<SearchHit> hits = new ArrayList<>();
        for (int i = request.offset(); i < Math.min(docs.length, window(request)); i++) {
            hits.add(new SearchHit(productId(searcher, docs[i].doc), docs[i].score, i + 1, null));
        }
        return results((FacetCounts.Counted) results[1], hits, request.mode());
    }

    private SearchResults dense(IndexSearcher searcher, SearchRequest request, float[] vector, Optional<Query> filter)
            throws IOException {
        int candidates = Math.max(CANDIDATES, window(request));
        Query nearest = nearest(searcher, vector, candidates, filter);
        List<ExactRescorer.Scored> ranked =
                ExactRescorer.rescore(searcher, searcher.search(nearest, candidates).scoreDocs, vector);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = request.offset(); i < Math.min(ranked.size(), window(request)); i++) {
            ExactRescorer.Scored s = ranked.get(i);
            hits.add(new SearchHit(productId(searcher, s.doc()), s.cosine(), null, i + 1));
        }
        return results(searcher.search(nearest, FacetCounts.manager(facetLabels)), hits, request.mode());
    }

    /**
     * One exhaustive pass over the text matches ranks them and counts their facets; the nearest neighbours the text
     * did not match are counted on their own (at most {@code candidates} products), so the match set is the union.
     */
    private SearchResults hybrid(
            IndexSearcher searcher,
            SearchRequest request,
            Optional<TextQueryBuilder.TextQuery> text,
            float[] vector,
            Optional<Query> filter)
            throws IOException {
        int candidates = Math.max(CANDIDATES, window(request));
        Query nearest = nearest(searcher, vector, candidates, filter);
        List<HybridFusion.Candidate> fromText = new ArrayList<>();
        FacetCounts.Counted counted;
        double ceiling = 0;
        if (text.isPresent()) {
            Query restrictedText = SearchFilters.restrict(text.get().query(), filter);
            ceiling = text.get().ceiling();
            Object[] results = searcher.search(
                    restrictedText,
                    new MultiCollectorManager(
                            new TopScoreDocCollectorManager(candidates, null, Integer.MAX_VALUE),
                            FacetCounts.manager(facetLabels)));
            for (ScoreDoc doc : withCommonWords(searcher, (TopDocs) results[0], text.get(), candidates).scoreDocs) {
                fromText.add(new HybridFusion.Candidate(doc.doc, doc.score));
            }
            Query neighboursOnly = new BooleanQuery.Builder()
                    .add(nearest, Occur.MUST)
                    .add(restrictedText, Occur.MUST_NOT)
                    .build();
            counted = FacetCounts.Counted.sum(
                    (FacetCounts.Counted) results[1],
                    searcher.search(neighboursOnly, FacetCounts.manager(facetLabels)));
        } else {
            counted = searcher.search(nearest, FacetCounts.manager(facetLabels));
        }
        List<HybridFusion.Candidate> fromVectors = new ArrayList<>();
        for (ExactRescorer.Scored s :
                ExactRescorer.rescore(searcher, searcher.search(nearest, candidates).scoreDocs, vector)) {
            fromVectors.add(new HybridFusion.Candidate(s.doc(), s.cosine()));
        }
        List<HybridFusion.Fused> fused = fusion.fuse(fromText, fromVectors, ceiling);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = request.offset(); i < Math.min(fused.size(), window(request)); i++) {
            HybridFusion.Fused f = fused.get(i);
            hits.add(new SearchHit(productId(searcher, f.doc()), f.score(), f.bm25Rank(), f.denseRank()));
        }
        return results(counted, hits, request.mode());
    }

    /** The best text hits re-scored with the query's common words, where they are in the name. */
    private static TopDocs withCommonWords(IndexSearcher searcher, TopDocs top, TextQueryBuilder.TextQuery text, int n)
            throws IOException {
        if (text.commonWords() == null || top.scoreDocs.length == 0) {
            return top;
        }
        return new QueryRescorer(text.commonWords()) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
            }
        }.rescore(searcher, top, n);
    }

    /** The nearest neighbours, searched once: the rewritten query holds them with their scores. */
    private static Query nearest(IndexSearcher searcher, float[] vector, int k, Optional<Query> filter)
            throws IOException {
        return searcher.rewrite(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k, filter.orElse(null)));
    }

    private static SearchResults results(FacetCounts.Counted counted, List<SearchHit> hits, SearchMode mode) {
        return new SearchResults(counted.total(), hits, counted.topFacets(), mode);
    }

    private static int window(SearchRequest request) {
        return (int) Math.min(MAX_WINDOW, (long) request.offset() + request.limit());
    }

    private static String productId(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc, ID_ONLY).get(IndexFields.ID);
    }
}
