package city.tds.catalog.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Segments Chinese text with smartcn's HMM segmenter, then merges runs of adjacent segments that together form a
 * {@link DomainDictionary} term (五|险|一|金 → 五险一金, 信号|配|时 → 信号配时), longest run first. Merging only at the
 * segmenter's word boundaries avoids the false matches of plain forward maximum matching (个人|流水 never yields 人流).
 * Punctuation and symbols are dropped; Latin words and numbers are kept, lower-cased and width-folded.
 *
 * <p>With {@code emitParts} (used at index time) a merged term is followed, at the same position, by its parts: its
 * segments of two or more characters and the dictionary terms inside it (住房公积金 also yields 住房 and 公积金), so
 * that a query for a part still finds the whole.
 */
final class DomainTermTokenizer extends Tokenizer {
    static final String TYPE_WORD = "word";
    static final String TYPE_DOMAIN_TERM = "domain";
    static final String TYPE_PART = "part";

    private final DomainDictionary dictionary;
    private final boolean emitParts;
    private final HMMChineseTokenizer segmenter = new HMMChineseTokenizer();
    private final CharTermAttribute segmentTerm = segmenter.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute segmentOffset = segmenter.addAttribute(OffsetAttribute.class);

    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionAttribute = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute typeAttribute = addAttribute(TypeAttribute.class);

    private final List<Token> tokens = new ArrayList<>();
    private int nextToken;
    private int finalOffset;

    private record Segment(String term, int start, int end) {}

    private record Token(String term, int start, int end, int positionIncrement, String type) {}

    DomainTermTokenizer(DomainDictionary dictionary, boolean emitParts) {
        this.dictionary = dictionary;
        this.emitParts = emitParts;
    }

    @Override
    public boolean incrementToken() {
        if (nextToken >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(nextToken++);
        termAttribute.setEmpty().append(token.term());
        offsetAttribute.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        positionAttribute.setPositionIncrement(token.positionIncrement());
        typeAttribute.setType(token.type());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll();
        finalOffset = correctOffset(text.length());
        tokens.clear();
        nextToken = 0;
        merge(text, segment(text));
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAttribute.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        tokens.clear();
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    private List<Segment> segment(String text) throws IOException {
        List<Segment> segments = new ArrayList<>();
        segmenter.setReader(new StringReader(text));
        try {
            segmenter.reset();
            while (segmenter.incrementToken()) {
                segments.add(
                        new Segment(segmentTerm.toString(), segmentOffset.startOffset(), segmentOffset.endOffset()));
            }
            segmenter.end();
        } finally {
            segmenter.close();
        }
        return segments;
    }

    private void merge(String text, List<Segment> segments) {
        int i = 0;
        while (i < segments.size()) {
            int last = longestDictionaryRun(text, segments, i);
            if (last > i) {
                Segment first = segments.get(i);
                int end = segments.get(last).end();
                String term = DomainDictionary.normalise(text.substring(first.start(), end));
                tokens.add(new Token(term, first.start(), end, 1, TYPE_DOMAIN_TERM));
                if (emitParts) {
                    addParts(text, segments, i, last, term);
                }
                i = last + 1;
            } else {
                Segment segment = segments.get(i);
                if (hasLetterOrDigit(segment.term())) {
                    String type = dictionary.contains(segment.term()) ? TYPE_DOMAIN_TERM : TYPE_WORD;
                    tokens.add(new Token(segment.term(), segment.start(), segment.end(), 1, type));
                }
                i++;
            }
        }
    }

    /**
     * The index of the last segment of the longest run of two or more segments, starting at {@code from}, that forms
     * a dictionary term; -1 when there is none.
     */
    private int longestDictionaryRun(String text, List<Segment> segments, int from) {
        int start = segments.get(from).start();
        int best = -1;
        for (int j = from; j < segments.size(); j++) {
            Segment segment = segments.get(j);
            if (j > from && segment.start() != segments.get(j - 1).end()) {
                break;
            }
            if (segment.end() - start > dictionary.longestTerm()) {
                break;
            }
            if (j > from && dictionary.contains(DomainDictionary.normalise(text.substring(start, segment.end())))) {
                best = j;
            }
        }
        return best;
    }

    private void addParts(String text, List<Segment> segments, int first, int last, String whole) {
        Set<String> parts = new LinkedHashSet<>();
        for (int a = first; a <= last; a++) {
            Segment segment = segments.get(a);
            if (segment.term().length() >= 2 && hasLetterOrDigit(segment.term())) {
                parts.add(segment.term());
            }
            for (int b = a + 1; b <= last; b++) {
                if (a == first && b == last) {
                    continue;
                }
                String run = DomainDictionary.normalise(
                        text.substring(segment.start(), segments.get(b).end()));
                if (dictionary.contains(run)) {
                    parts.add(run);
                }
            }
        }
        parts.remove(whole);
        Segment firstSegment = segments.get(first);
        int end = segments.get(last).end();
        for (String part : parts) {
            tokens.add(new Token(part, firstSegment.start(), end, 0, TYPE_PART));
        }
    }

    static boolean hasLetterOrDigit(CharSequence term) {
        for (int i = 0; i < term.length(); ) {
            int codePoint = Character.codePointAt(term, i);
            if (Character.isLetterOrDigit(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }
}
