package city.tds.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged {@code tds} as a user runs it: a separate JVM whose output lines are collected as they arrive. Waiting
 * is for a line or for the exit, with a deadline, never for a fixed time.
 */
final class TdsProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private TdsProcess(Process process) {
        this.process = process;
        this.stdoutReader = collect(process.getInputStream(), stdout);
        this.stderrReader = collect(process.getErrorStream(), stderr);
    }

    static Path jar() {
        return Path.of(System.getProperty("tds.jar", "../tds-server/target/tds.jar"))
                .toAbsolutePath()
                .normalize();
    }

    static TdsProcess start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return launch(new ProcessBuilder(command), env);
    }

    static TdsProcess launch(ProcessBuilder builder, Map<String, String> env) {
        builder.environment().remove("TDS_KEYS_PASSPHRASE");
        builder.environment().putAll(env);
        try {
            return new TdsProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a line of standard output matches, and returns it. */
    String awaitOutput(Predicate<String> line, Duration timeout) throws InterruptedException {
        return awaitOutput(line, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} lines of standard output match, and returns the matching lines so far. */
    List<String> awaitOutput(Predicate<String> line, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stdout) {
            while (true) {
                List<String> matches = stdout.stream().filter(line).toList();
                if (matches.size() >= count) {
                    return matches;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !hasMoreOutput())) {
                    throw new AssertionError("only " + matches.size() + " of " + count + " matching lines within "
                            + timeout + "; stdout: " + stdout + "; stderr: " + stderr());
                }
                stdout.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private boolean hasMoreOutput() {
        try {
            return process.getInputStream().available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("tds did not exit within " + timeout + "; stdout: " + stdout());
        }
        // the process is gone; let the readers drain what it wrote last
        stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
        stderrReader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** Asks the process to stop as Ctrl+C would (SIGTERM runs the same shutdown hooks) and waits for it. */
    int stop(Duration timeout) throws InterruptedException {
        // through the handle: Process.destroy() would also close the pipes and lose what shutdown prints
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process as {@code kill -9} does: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process survived SIGKILL");
        }
        stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
        stderrReader.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
