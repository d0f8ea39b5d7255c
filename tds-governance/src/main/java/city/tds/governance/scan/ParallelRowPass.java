package city.tds.governance.scan;

import city.tds.governance.table.TableReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * One pass over a table with its work spread over threads: the calling thread reads rows in batches and hands every
 * batch to each worker; a worker runs its share of the lanes on it. A lane is a list of consumers that must see the
 * rows in order on one thread (a column's profiler, a uniqueness check), so lanes are never split; they are dealt to
 * workers in turn. At most {@value #QUEUED} batches of {@value #BATCH} rows wait per worker, so memory stays bounded
 * whatever the table's size.
 */
public final class ParallelRowPass {

    static final int BATCH = 2_048;
    static final int QUEUED = 4;

    private static final Batch END = new Batch(new String[0][], 0, 0);

    private final int threads;

    /** @param threads worker threads; at most the number of lanes are used */
    public ParallelRowPass(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.threads = threads;
    }

    /**
     * Reads {@code reader} to its end, running every lane on every row.
     *
     * @param progress told the reader's {@link TableReader#consumed()} after each batch
     * @return the number of data rows
     * @throws city.tds.core.ProblemException when a row is malformed; the workers are stopped first
     */
    public long run(TableReader reader, List<List<RowConsumer>> lanes, LongConsumer progress) throws IOException {
        int workers = Math.max(1, Math.min(threads, lanes.size()));
        List<List<RowConsumer>> shares = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < lanes.size(); i++) {
            shares.get(i % workers).addAll(lanes.get(i));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<BlockingQueue<Batch>> queues = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (List<RowConsumer> share : shares) {
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
            queues.add(queue);
            Thread t = new Thread(() -> work(queue, share, failure), "governance-scan-" + started.size());
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        long rows = 0;
        boolean finished = false;
        try {
            while (failure.get() == null) {
                String[][] batch = new String[BATCH][];
                int n = 0;
                String[] row;
                while (n < BATCH && (row = reader.next()) != null) {
                    batch[n++] = row;
                }
                if (n > 0) {
                    Batch b = new Batch(batch, n, rows + 1);
                    for (BlockingQueue<Batch> q : queues) {
                        q.put(b);
                    }
                    rows += n;
                    progress.accept(reader.consumed());
                }
                if (n < BATCH) {
                    break;
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scanning", e);
        } finally {
            for (int i = 0; i < queues.size(); i++) {
                if (finished) {
                    putEnd(queues.get(i));
                } else {
                    started.get(i).interrupt();
                }
            }
            for (Thread t : started) {
                join(t);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return rows;
    }

    private static void work(BlockingQueue<Batch> queue, List<RowConsumer> share, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                Batch b = queue.take();
                if (b == END) {
                    return;
                }
                if (failure.get() != null) {
                    continue; // drain so that the reader never blocks on a dead worker
                }
                for (RowConsumer consumer : share) {
                    for (int i = 0; i < b.size; i++) {
                        consumer.accept(b.firstRow + i, b.rows[i]);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            drain(queue);
        }
    }

    private static void drain(BlockingQueue<Batch> queue) {
        try {
            while (queue.take() != END) {
                // keep taking until the reader says it is done
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putEnd(BlockingQueue<Batch> queue) {
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Batch(String[][] rows, int size, long firstRow) {}
}
