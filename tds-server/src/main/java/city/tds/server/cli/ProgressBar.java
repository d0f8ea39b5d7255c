package city.tds.server.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-line progress bar on the terminal ({@code 扫描 / scanning [#####     ] 52% 512.0/1024.0 MiB 12 s}), redrawn at
 * most every {@value #REDRAW_MILLIS} ms. Drawn only when the output is a terminal; when it is a file or a pipe nothing
 * is drawn, so that logs stay clean.
 */
final class ProgressBar {

    private static final int REDRAW_MILLIS = 200;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final String label;
    private final long total;
    private final Clock clock;
    private final boolean enabled;
    private final Instant start;
    private Instant lastDrawn = Instant.MIN;
    private boolean drawn;

    ProgressBar(PrintWriter out, String label, long total, Clock clock, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.enabled = enabled;
        this.start = clock.instant();
    }

    /** A bar on standard error when it is a terminal; {@code totalBytes} below 1: a count of rows of unknown total. */
    static ProgressBar onTerminal(PrintWriter err, String label, long totalBytes, Clock clock) {
        return new ProgressBar(err, label, totalBytes, clock, System.console() != null);
    }

    /** Shows that {@code done} bytes of the total are done. */
    void update(long done) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastDrawn, now).toMillis() < REDRAW_MILLIS) {
            return;
        }
        lastDrawn = now;
        out.print('\r' + line(done, now));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    void finish() {
        if (drawn) {
            out.print('\r' + " ".repeat(WIDTH + label.length() + 40) + '\r');
            out.flush();
        }
    }

    String line(long done, Instant now) {
        long seconds = Duration.between(start, now).toSeconds();
        if (total <= 0) {
            return String.format("%s %,d 行 / rows %d s", label, done, seconds);
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(
                "%s [%s%s] %3d%% %.1f/%.1f MiB %d s",
                label,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                Math.round(fraction * 100),
                done / 1048576.0,
                total / 1048576.0,
                seconds);
    }
}
