package city.tds.server.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Keeps the command running until the JVM is asked to stop (Ctrl+C, SIGTERM), then closes what it runs. */
final class Shutdown {

    private Shutdown() {}

    static void awaitInterrupt(List<? extends AutoCloseable> running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        List<AutoCloseable> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (AutoCloseable closeable : reversed) {
                                try {
                                    closeable.close();
                                } catch (Exception e) {
                                    System.err.println("tds: error while stopping: " + e.getMessage());
                                }
                            }
                            stopped.countDown();
                        },
                        "tds-shutdown"));
        stopped.await();
    }
}
