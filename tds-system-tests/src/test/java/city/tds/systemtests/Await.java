package city.tds.systemtests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Asks again until the answer is the one awaited, or fails at a deadline; never waits a fixed time for a state. */
final class Await {

    /** Between two questions: long enough not to take the processes' CPU, short against any deadline here. */
    private static final Duration BETWEEN = Duration.ofMillis(50);

    private Await() {}

    static <T> T until(String what, Duration timeout, Supplier<T> ask, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T answer = ask.get();
        while (!done.test(answer)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not reached within " + timeout + "; last answer: " + answer);
            }
            try {
                Thread.sleep(BETWEEN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
