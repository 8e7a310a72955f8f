package dev.prec.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a loop over {@code [0, n)} in chunks whose boundaries are fixed by the grain alone, handing
 * each chunk to whichever thread is free (BENCHMARKS.md: fixed halves stall when one core is busy).
 * Each chunk writes only its own outputs, so results are the same bits for every thread count.
 *
 * <p>The calling thread takes part; {@code threads - 1} daemon threads wait for work. One instance
 * serves one caller at a time (a training run); it is not reentrant.
 */
public final class Workers implements AutoCloseable {

    /** A loop body over the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * @param from first index, inclusive
         * @param to last index, exclusive, {@code to > from}
         */
        void run(int from, int to);
    }

    private static final Workers SERIAL = new Workers(1);

    /** Number of threads including the caller, {@code >= 1}. */
    private final int threads;
    /** Helper threads; empty when {@code threads == 1}. */
    private final Thread[] helpers;
    /** The job being run, or null between jobs. */
    private volatile Job current;
    /** Incremented for every job so parked helpers notice a new one. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean closed;

    private Workers(int threads) {
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            Thread t = new Thread(this::helperLoop, "prec-worker-" + i);
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    /** The single-threaded instance (shared, never closed). */
    public static Workers serial() {
        return SERIAL;
    }

    /**
     * A pool of the given size.
     *
     * @param threads threads including the caller, {@code threads >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Workers of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads == 1 ? SERIAL : new Workers(threads);
    }

    /** Threads including the caller. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} over {@code [0, n)} in chunks {@code [i * grain, min(n, (i + 1) * grain))}.
     *
     * @param n loop length, {@code n >= 0}
     * @param grain chunk length, {@code grain >= 1}
     * @param task the body; must write disjoint outputs per index
     * @throws RuntimeException rethrows the first exception a chunk threw
     */
    public void forRange(int n, int grain, RangeTask task) {
        int chunks = (n + grain - 1) / grain;
        if (threads == 1 || chunks <= 1) {
            for (int from = 0; from < n; from += grain) {
                task.run(from, Math.min(n, from + grain));
            }
            return;
        }
        Job job = new Job(task, n, grain, chunks);
        current = job;
        generation.incrementAndGet();
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
        job.work();
        while (job.done.get() < chunks) {
            Thread.onSpinWait();
        }
        current = null;
        if (job.failure != null) {
            throw job.failure instanceof RuntimeException r ? r : new IllegalStateException(job.failure);
        }
    }

    /**
     * Like {@link #forRange} with a grain chosen so that about {@code 4 * threads} chunks exist, but
     * at least {@code minGrain} long. The grain depends on the thread count, so use this only for
     * loops whose per-index results do not depend on chunking.
     */
    public void forRangeBalanced(int n, int minGrain, RangeTask task) {
        int grain = Math.max(minGrain, (n + 4 * threads - 1) / (4 * threads));
        forRange(n, Math.max(1, grain), task);
    }

    private void helperLoop() {
        int seen = 0;
        while (!closed) {
            int g = generation.get();
            Job job = current;
            if (g != seen && job != null) {
                seen = g;
                job.work();
            } else {
                // Spin briefly before parking: jobs arrive every few microseconds inside a step.
                for (int i = 0; i < 2000 && generation.get() == seen && !closed; i++) {
                    Thread.onSpinWait();
                }
                if (generation.get() == seen) {
                    LockSupport.parkNanos(200_000);
                }
            }
        }
    }

    @Override
    public void close() {
        if (this == SERIAL) {
            return;
        }
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }

    /** One call of {@link #forRange}: chunks are claimed from a counter. */
    private static final class Job {
        private final RangeTask task;
        private final int n;
        private final int grain;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Job(RangeTask task, int n, int grain, int chunks) {
            this.task = task;
            this.n = n;
            this.grain = grain;
            this.chunks = chunks;
        }

        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    int from = c * grain;
                    task.run(from, Math.min(n, from + grain));
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
