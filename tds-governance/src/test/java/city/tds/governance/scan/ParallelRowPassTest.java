package city.tds.governance.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.governance.table.CsvOptions;
import city.tds.governance.table.CsvTableReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ParallelRowPassTest {

    @Test
    void everyLaneSeesEveryRowInOrderOnOneThread() throws IOException {
        int rows = 10_000;
        List<long[]> sums = new ArrayList<>();
        List<List<RowConsumer>> lanes = new ArrayList<>();
        for (int lane = 0; lane < 5; lane++) {
            long[] state = new long[3]; // last row, sum of column values, thread id
            sums.add(state);
            int column = lane % 2;
            lanes.add(List.of((rowNumber, row) -> {
                assertThat(rowNumber).isEqualTo(state[0] + 1);
                long thread = Thread.currentThread().getId();
                assertThat(state[2] == 0 || state[2] == thread).isTrue();
                state[2] = thread;
                state[0] = rowNumber;
                state[1] += Long.parseLong(row[column]);
            }));
        }
        AtomicLong lastProgress = new AtomicLong();
        long counted = new ParallelRowPass(3).run(reader(rows), lanes, lastProgress::set);
        assertThat(counted).isEqualTo(rows);
        for (int lane = 0; lane < 5; lane++) {
            long expected = lane % 2 == 0 ? (long) rows * (rows + 1) / 2 : 2L * rows * (rows + 1) / 2;
            assertThat(sums.get(lane)[0]).isEqualTo(rows);
            assertThat(sums.get(lane)[1]).isEqualTo(expected);
        }
        assertThat(lastProgress.get()).isPositive();
    }

    @Test
    void aFailingConsumerStopsThePassAndItsErrorReachesTheCaller() {
        List<List<RowConsumer>> lanes = List.of(List.of((n, row) -> {
            if (n == 5_000) {
                throw new IllegalStateException("boom at " + n);
            }
        }));
        assertThatThrownBy(() -> new ParallelRowPass(2).run(reader(20_000), lanes, p -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom at 5000");
    }

    @Test
    void aMalformedRowStopsThePassWithItsLine() {
        byte[] csv = "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ParallelRowPass(2)
                        .run(
                                CsvTableReader.open(new ByteArrayInputStream(csv), csv.length, CsvOptions.detect()),
                                List.of(List.of((n, r) -> {})),
                                p -> {}))
                .hasMessageContaining("line 3 has 1 field");
    }

    private static CsvTableReader reader(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(2 * i).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        return CsvTableReader.open(new ByteArrayInputStream(bytes), bytes.length, CsvOptions.detect());
    }
}
