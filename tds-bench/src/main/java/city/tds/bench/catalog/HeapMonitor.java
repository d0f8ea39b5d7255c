package city.tds.bench.catalog;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples used heap every 20 ms on a daemon thread and keeps the highest value since the last {@link #reset}; also
 * reports heap after a full collection, collector counts and time, and the process's resident memory.
 */
public final class HeapMonitor implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public HeapMonitor() {
        sampler = new Thread(
                () -> {
                    while (running) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a new phase: the peak is measured from now. */
    public void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    /** Highest used heap sampled since {@link #reset}, in MiB (live data plus garbage not yet collected). */
    public double peakMiB() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get() / 1048576.0;
    }

    /** Used heap right after two full collections, in MiB: what stays reachable. */
    public double liveMiB() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    public static double maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / 1048576.0;
    }

    /** Collections and total collection time so far, over all collectors. */
    public static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    static String collectorNames() {
        StringBuilder names = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return names.toString();
    }

    /** A line of /proc/self/status (VmRSS, VmHWM) in MiB, or NaN where there is none. */
    public static double procStatusMiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
