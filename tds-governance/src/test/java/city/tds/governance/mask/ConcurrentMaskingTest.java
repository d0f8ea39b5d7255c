package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.SuiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentMaskingTest {

    @Test
    void algorithmsWithPerThreadStateGiveTheSameAnswersOnManyThreads() throws Exception {
        List<MaskingAlgorithm> algorithms = List.of(
                new KeyedHash(SuiteId.GM, FormatPreservingContract.KEY, KeyedHash.Encoding.BASE32, 0),
                new MobileNumberFpe(SuiteId.INTL, FormatPreservingContract.KEY));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("1380000" + String.format("%04d", i));
        }
        for (MaskingAlgorithm algorithm : algorithms) {
            List<String> expected = values.stream().map(algorithm::mask).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(
                            () -> values.stream().map(algorithm::mask).toList()));
                }
                for (Future<List<String>> result : results) {
                    assertThat(result.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
