package city.tds.governance.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    @Test
    void readsQuotedFieldsLineBreaksInsideQuotesAndMissingValues() throws IOException {
        String csv = "名称,备注,金额\r\n" + "\"甲公司\",\"说\"\"好\"\"的\",12\r\n" + "乙公司,\"两行\n备注\",\n" + "\n" + "丙,\"\",3";
        List<String[]> rows = readAll(csv.getBytes(StandardCharsets.UTF_8), CsvOptions.detect());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("甲公司", "说\"好\"的", "12");
        assertThat(rows.get(1)).containsExactly("乙公司", "两行\n备注", null);
        assertThat(rows.get(2)).containsExactly("丙", "", "3");
    }

    @Test
    void namesTheLineOfARaggedRowCountingLineBreaksInsideQuotes() throws IOException {
        String csv = "a,b\n1,\"x\ny\"\n2,3\n4\n";
        try (CsvTableReader reader = reader(csv.getBytes(StandardCharsets.UTF_8), CsvOptions.detect())) {
            reader.next();
            assertThat(reader.line()).isEqualTo(2);
            reader.next();
            assertThat(reader.line()).isEqualTo(4);
            assertThatThrownBy(reader::next)
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("csv-ragged-row")
                    .hasMessageContaining("line 5 has 1 field, the header has 2");
        }
    }

    @Test
    void detectsGbkAndTheDelimiter() throws IOException {
        Charset gbk = Charset.forName("GBK");
        byte[] bytes = "姓名;地址\n张三;北京市朝阳区\n".getBytes(gbk);
        try (CsvTableReader reader = reader(bytes, CsvOptions.detect())) {
            assertThat(reader.encoding()).startsWith("GB18030");
            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.header()).containsExactly("姓名", "地址");
            assertThat(reader.next()).containsExactly("张三", "北京市朝阳区");
        }
    }

    @Test
    void utf8FileWithGbkBytesLaterIsRefusedWithTheLine() throws IOException {
        StringBuilder head = new StringBuilder("名称,城市\n");
        for (int i = 0; i < 10_000; i++) {
            head.append("公司").append(i).append(",北京\n");
        }
        byte[] utf8 = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "坏行,上海\n".getBytes(Charset.forName("GBK"));
        byte[] all = new byte[utf8.length + gbk.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(gbk, 0, all, utf8.length, gbk.length);
        try (CsvTableReader reader = reader(all, CsvOptions.detect())) {
            assertThat(reader.encoding()).isEqualTo("UTF-8");
            assertThatThrownBy(() -> {
                        while (reader.next() != null) {}
                    })
                    .hasMessageContaining("csv-encoding-invalid")
                    .hasMessageContaining("line 10002");
        }
    }

    @Test
    void refusesEmptyFilesBadHeadersUnclosedQuotesAndUnknownEncodings() {
        assertThatThrownBy(() -> reader(new byte[0], CsvOptions.detect())).hasMessageContaining("csv-empty");
        assertThatThrownBy(() -> reader("a,,c\n".getBytes(StandardCharsets.UTF_8), CsvOptions.detect()))
                .hasMessageContaining("column 2 of the header has no name");
        assertThatThrownBy(() -> reader("a,b,a\n".getBytes(StandardCharsets.UTF_8), CsvOptions.detect()))
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> readAll("a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8), CsvOptions.detect()))
                .hasMessageContaining("line 2: a quoted field is not closed");
        assertThatThrownBy(() -> reader(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0x2C}, CsvOptions.detect()))
                .hasMessageContaining("csv-encoding-unknown");
        CsvOptions small = new CsvOptions(java.util.Optional.empty(), ',', 8);
        assertThatThrownBy(() -> readAll("a\n\"123456789\n".getBytes(StandardCharsets.UTF_8), small))
                .hasMessageContaining("csv-field-too-long");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] body = "id,x\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        try (CsvTableReader reader = reader(bom, CsvOptions.detect())) {
            assertThat(reader.header()).containsExactly("id", "x");
        }
    }

    @Test
    void readsAcrossBufferBoundaries() throws IOException {
        StringBuilder csv = new StringBuilder("k,v\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"值").append(i).append("\"\"q\"\r\n");
        }
        List<String[]> rows = readAll(csv.toString().getBytes(StandardCharsets.UTF_8), CsvOptions.detect());
        assertThat(rows).hasSize(50_000);
        assertThat(rows.get(49_999)).containsExactly("49999", "值49999\"q");
    }

    private static CsvTableReader reader(byte[] bytes, CsvOptions options) throws IOException {
        return CsvTableReader.open(new ByteArrayInputStream(bytes), bytes.length, options);
    }

    private static List<String[]> readAll(byte[] bytes, CsvOptions options) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CsvTableReader reader = reader(bytes, options)) {
            String[] row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
