package city.tds.governance.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesTableReaderTest {

    @Test
    void columnsAreTheKeysOfTheFirstRecordsAndValuesTheirText() throws IOException {
        String jsonl = "{\"姓名\":\"张伟\",\"年龄\":35}\n\n{\"年龄\":null,\"地址\":{\"城市\":\"北京\"},\"标签\":[1,2]}\n";
        try (JsonLinesTableReader reader = reader(jsonl)) {
            assertThat(reader.header()).containsExactly("姓名", "年龄", "地址", "标签");
            assertThat(reader.next()).containsExactly("张伟", "35", null, null);
            assertThat(reader.next()).containsExactly(null, null, "{\"城市\":\"北京\"}", "[1,2]");
            assertThat(reader.position()).isEqualTo("line 3");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aKeyFirstSeenLateALineThatIsNotAnObjectAndAnEmptyFileAreRefusedWithTheLine() throws IOException {
        StringBuilder late = new StringBuilder();
        for (int i = 0; i < JsonLinesTableReader.HEADER_LINES; i++) {
            late.append("{\"a\":").append(i).append("}\n");
        }
        late.append("{\"a\":1,\"b\":2}\n");
        try (JsonLinesTableReader reader = reader(late.toString())) {
            assertThatThrownBy(() -> {
                        while (reader.next() != null) {}
                    })
                    .hasMessageContaining("jsonl-new-key")
                    .hasMessageContaining("line 1001 has key 'b'");
        }
        assertThatThrownBy(() -> reader("{\"a\":1}\n[1,2]\n")).hasMessageContaining("line 2 is not a JSON object");
        assertThatThrownBy(() -> reader("{\"a\":1}\n{oops\n")).hasMessageContaining("line 2 is not JSON");
        assertThatThrownBy(() -> reader("\n\n")).hasMessageContaining("jsonl-empty");
    }

    private static JsonLinesTableReader reader(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return JsonLinesTableReader.open(new ByteArrayInputStream(bytes), bytes.length);
    }
}
