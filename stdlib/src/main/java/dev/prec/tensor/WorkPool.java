package dev.prec.tensor;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of threads that run the chunks of one loop at a time, handing each chunk to whichever
 * thread is free.
 *
 * <p>Why this shape (see {@code shared/design/BENCHMARKS.md}, section 1): when two threads each own a
 * fixed half of every kernel and meet at a barrier, any other load on one core stalls the other,
 * and a training step became 10-30x slower. Here a loop is cut into many small chunks whose
 * boundaries the caller fixes (so every result is the same bits whatever the thread count or the
 * scheduling, as long as a chunk writes only its own outputs), and the threads, including the
 * calling one, take the next unclaimed chunk from a shared counter. A stalled thread delays the
 * loop by at most the chunk it holds.
 *
 * <p>Dispatch is cheap: idle workers spin for a short while ({@link #spinNanos()}) before parking,
 * so the back-to-back small kernels of a training step find them awake.
 *
 * <p>A loop started while the pool is already running one (a chunk that itself starts a loop, or a
 * second thread using the same pool) runs all its chunks on the calling thread, in order; results
 * are the same because chunk boundaries do not depend on who runs them.
 *
 * <p>Workers are daemon threads; {@link #close()} stops them. {@link #shared()} is a process-wide
 * pool sized from the system property {@code prec.threads} (default: available processors).
 */
public final class WorkPool implements AutoCloseable {

    /** System property giving the shared pool's thread count, an integer {@code >= 1}. */
    public static final String THREADS_PROPERTY = "prec.threads";

    /** Default time an idle worker spins before parking: 50 microseconds. */
    public static final long DEFAULT_SPIN_NANOS = 50_000L;

    /** A range body: processes indices {@code [from, to)} of a loop. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Processes one chunk of a loop.
         *
         * @param from first index of the chunk, inclusive
         * @param to end of the chunk, exclusive, {@code to > from}
         */
        void run(int from, int to);
    }

    private static final Object SHARED_LOCK = new Object();
    private static WorkPool shared;

    /** Threads that run chunks, including the caller of a loop. */
    private final int threads;
    /** How long an idle worker spins before parking, in nanoseconds. */
    private final long spinNanos;
    /** The {@code threads - 1} background workers. */
    private final Worker[] workers;
    /** Set while a loop is running, so nested or concurrent loops run inline. */
    private final AtomicBoolean busy = new AtomicBoolean();
    /** The loop the workers should help with, or null when idle. */
    private volatile Job current;
    private volatile boolean closed;

    /**
     * Creates a pool with the default spin time.
     *
     * @param threads threads that run chunks, counting the thread that starts a loop; {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public WorkPool(int threads) {
        this(threads, DEFAULT_SPIN_NANOS);
    }

    /**
     * Creates a pool.
     *
     * @param threads threads that run chunks, counting the thread that starts a loop; {@code >= 1}
     * @param spinNanos time an idle worker busy-waits for the next loop before parking, in
     *     nanoseconds, {@code >= 0}
     * @throws IllegalArgumentException if {@code threads < 1} or {@code spinNanos < 0}
     */
    public WorkPool(int threads, long spinNanos) {
        if (threads < 1) {
            throw new IllegalArgumentException("a work pool needs threads >= 1, got " + threads);
        }
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin time must be >= 0 ns, got " + spinNanos);
        }
        this.threads = threads;
        this.spinNanos = spinNanos;
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            Thread t = Thread.ofPlatform().daemon().name("prec-work-" + (i + 1)).unstarted(workers[i]);
            workers[i].thread = t;
            t.start();
        }
    }

    /**
     * The process-wide pool, created on first use with {@code prec.threads} threads (default:
     * {@link Runtime#availableProcessors()}).
     *
     * @return the shared pool, open
     * @throws IllegalArgumentException if {@code prec.threads} is set but not an integer {@code >= 1}
     */
    public static WorkPool shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = new WorkPool(defaultThreads());
            }
            return shared;
        }
    }

    /** Closes the shared pool if one exists; a later {@link #shared()} creates a fresh one. */
    public static void closeShared() {
        synchronized (SHARED_LOCK) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        }
    }

    /**
     * The thread count {@link #shared()} uses: the {@code prec.threads} property, else the number
     * of available processors.
     *
     * @return threads, {@code >= 1}
     * @throws IllegalArgumentException if the property is set but not an integer {@code >= 1}
     */
    public static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be an integer >= 1, got '" + value + "'");
    }

    /** Threads that run chunks, counting the caller of a loop; {@code >= 1}. */
    public int threads() {
        return threads;
    }

    /** Time an idle worker spins before parking, in nanoseconds. */
    public long spinNanos() {
        return spinNanos;
    }

    /**
     * Runs {@code task} once for every chunk index in {@code [0, chunks)}, in parallel, and returns
     * when all have finished. Chunks may run in any order and on any thread; each must write only
     * outputs no other chunk writes.
     *
     * <p>If a chunk throws, the remaining unstarted chunks are skipped and the first throwable is
     * rethrown here (unchecked exceptions and errors as they are) once running chunks have ended.
     *
     * @param chunks number of chunks, {@code >= 0}
     * @param task the body, called with each chunk index
     * @throws IllegalArgumentException if {@code chunks < 0}
     * @throws IllegalStateException if the pool is closed
     */
    public void forEachChunk(int chunks, IntConsumer task) {
        Objects.requireNonNull(task, "task");
        if (chunks < 0) {
            throw new IllegalArgumentException("chunk count must be >= 0, got " + chunks);
        }
        if (closed) {
            throw new IllegalStateException("work pool is closed");
        }
        if (chunks == 0) {
            return;
        }
        if (threads == 1 || chunks == 1 || !busy.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        Job job = new Job(task, chunks, Thread.currentThread());
        try {
            current = job;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
            job.work();
            awaitDone(job);
        } finally {
            current = null;
            busy.set(false);
        }
        job.rethrow();
    }

    /**
     * Runs {@code task} over {@code [0, length)} cut into chunks of {@code grain} indices (the last
     * may be shorter), as {@link #forEachChunk}. The boundaries depend only on {@code length} and
     * {@code grain}, never on the thread count.
     *
     * @param length size of the index range, {@code >= 0}
     * @param grain indices per chunk, {@code >= 1}
     * @param task the body, called with each chunk's {@code [from, to)}
     * @throws IllegalArgumentException if {@code length < 0} or {@code grain < 1}
     * @throws IllegalStateException if the pool is closed
     */
    public void forEachRange(int length, int grain, RangeTask task) {
        Objects.requireNonNull(task, "task");
        if (length < 0 || grain < 1) {
            throw new IllegalArgumentException("need length >= 0 and grain >= 1, got length=" + length + " grain=" + grain);
        }
        int chunks = (int) (((long) length + grain - 1) / grain);
        forEachChunk(chunks, c -> {
            int from = c * grain;
            task.run(from, Math.min(length, from + grain));
        });
    }

    /** Stops the workers; later loops throw. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private void awaitDone(Job job) {
        long start = System.nanoTime();
        boolean spinning = spinNanos > 0;
        int spins = 0;
        while (job.done.get() < job.chunks) {
            if (spinning) {
                Thread.onSpinWait();
                spinning = (++spins & 63) != 0 || System.nanoTime() - start < spinNanos;
            } else {
                // the worker finishing the last chunk unparks us; spurious wake-ups just loop
                LockSupport.park(job);
            }
        }
    }

    /** One loop in flight: the claim counter, the completion counter and the first failure. */
    private static final class Job {
        final IntConsumer task;
        final int chunks;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer task, int chunks, Thread caller) {
            this.task = task;
            this.chunks = chunks;
            this.caller = caller;
        }

        /** Claims and runs chunks until none are left. */
        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    if (failure == null) {
                        task.accept(c);
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                } finally {
                    if (done.incrementAndGet() == chunks) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("a chunk failed", t);
            }
        }
    }

    /** A background thread: waits for a loop, helps with it, waits again. */
    private final class Worker implements Runnable {
        Thread thread;
        /** True while parked, so a new loop knows to unpark it. */
        volatile boolean parked;

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                Job job = awaitJob(seen);
                if (job == null) {
                    return;
                }
                seen = job;
                job.work();
            }
        }

        /** The next loop different from {@code seen}, or null once the pool is closed. */
        private Job awaitJob(Job seen) {
            long start = System.nanoTime();
            int spins = 0;
            while (true) {
                Job job = current;
                if (job != null && job != seen) {
                    return job;
                }
                if (closed) {
                    return null;
                }
                if ((++spins & 63) != 0 || System.nanoTime() - start < spinNanos) {
                    Thread.onSpinWait();
                    continue;
                }
                // Publish "parked" before re-reading the loop: a dispatcher writes current and then
                // reads parked, so one of the two always sees the other's write (no lost wake-up).
                parked = true;
                job = current;
                if ((job == null || job == seen) && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                start = System.nanoTime();
                spins = 0;
            }
        }
    }
}
