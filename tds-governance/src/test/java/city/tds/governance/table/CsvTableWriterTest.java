package city.tds.governance.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackAsTheSameValues() throws IOException {
        String[][] rows = {{"甲,乙", "say \"hi\"", null}, {"", " padded ", "two\nlines"}, {"plain", "x", "3"}};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(bytes, ',', List.of("a", "b", "c"))) {
            for (String[] row : rows) {
                writer.write(row);
            }
        }
        byte[] written = bytes.toByteArray();
        try (CsvTableReader reader =
                CsvTableReader.open(new ByteArrayInputStream(written), written.length, CsvOptions.detect())) {
            assertThat(reader.header()).containsExactly("a", "b", "c");
            for (String[] row : rows) {
                assertThat(reader.next()).containsExactly(row);
            }
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aFailedWriteLeavesNoFileBehindAndKeepsAnOldOne() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
                    out.write("half".getBytes());
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        AtomicFile.write(target, out -> out.write("new".getBytes()));
        assertThat(Files.readString(target)).isEqualTo("new");
    }
}
