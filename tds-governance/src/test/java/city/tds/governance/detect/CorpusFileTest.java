package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorpusFileTest {

    @Test
    void committedCorpusIsTheGeneratorsOutput() {
        assertThat(Corpus.rawLines())
                .as("corpus.tsv is stale: run CorpusGenerator from tds-governance")
                .isEqualTo(CorpusGenerator.generate());
    }

    @Test
    void corpusIsWellFormedAndCoversEveryKind() {
        Corpus corpus = Corpus.load();
        for (SensitiveKind kind : SensitiveKind.values()) {
            assertThat(corpus.entries()).filteredOn(e -> e.label() == kind).hasSizeGreaterThan(1000);
        }
        assertThat(corpus.entries()).filteredOn(e -> e.label() == null).hasSizeGreaterThan(5000);
        assertThat(corpus.entries())
                .allSatisfy(e -> assertThat(e.value()).isNotBlank().doesNotContain("\t", "\n", "\r"));
        assertThat(Arrays.stream(SensitiveKind.values())).hasSize(10);
    }
}
