package city.tds.governance.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The committed labelled corpus, read from the test classpath. */
record Corpus(List<Entry> entries) {

    /** One labelled value; {@code label} is null for {@code NONE}. */
    record Entry(SensitiveKind label, String value) {}

    static List<String> rawLines() {
        try (InputStream in = Corpus.class.getResourceAsStream(CorpusGenerator.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("corpus.tsv is missing: run CorpusGenerator");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Corpus load() {
        List<Entry> entries = new ArrayList<>();
        for (String line : rawLines()) {
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new IllegalStateException("malformed corpus line: " + line);
            }
            String label = line.substring(0, tab);
            entries.add(new Entry(
                    label.equals(CorpusGenerator.NONE) ? null : SensitiveKind.valueOf(label), line.substring(tab + 1)));
        }
        return new Corpus(entries);
    }
}
