package city.tds.catalog.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Domain terms of city data (五险一金, 专精特新, 信号配时, ...) that the analyzer keeps as single tokens although the
 * general-purpose segmenter would split them. Terms are held {@link #normalise normalised}.
 */
final class DomainDictionary {
    static final String TERMS_RESOURCE = "domain-terms.txt";
    static final String SYNONYMS_RESOURCE = "synonyms.txt";

    private final Set<String> terms;
    private final int longestTerm;

    DomainDictionary(Collection<String> terms) {
        Set<String> normalised = new HashSet<>();
        int longest = 0;
        for (String term : terms) {
            String n = normalise(term.strip());
            if (!n.isEmpty()) {
                normalised.add(n);
                longest = Math.max(longest, n.length());
            }
        }
        this.terms = Set.copyOf(normalised);
        this.longestTerm = longest;
    }

    /** The shipped dictionary: {@value #TERMS_RESOURCE} plus every word of {@value #SYNONYMS_RESOURCE}. */
    static DomainDictionary shipped() {
        List<String> terms = new ArrayList<>(readLines(TERMS_RESOURCE));
        for (String line : readLines(SYNONYMS_RESOURCE)) {
            for (String word : line.split("=>|,")) {
                terms.add(word.strip());
            }
        }
        return new DomainDictionary(terms);
    }

    boolean contains(String normalisedText) {
        return terms.contains(normalisedText);
    }

    /** Length in chars of the longest term. */
    int longestTerm() {
        return longestTerm;
    }

    int size() {
        return terms.size();
    }

    /** Lower case, full-width ASCII folded to half-width; one char in, one char out, so offsets are kept. */
    static String normalise(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(normaliseChar(text.charAt(i)));
        }
        return out.toString();
    }

    static char normaliseChar(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        return Character.toLowerCase(c);
    }

    /** Non-blank lines of a resource of this package, without '#' comments. */
    static List<String> readLines(String resource) {
        try (InputStream in = DomainDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!content.isEmpty()) {
                    lines.add(content);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
