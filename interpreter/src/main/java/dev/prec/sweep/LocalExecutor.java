package dev.prec.sweep;

import dev.prec.store.Claim;
import dev.prec.store.Owner;
import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes a sweep in this JVM: up to {@link LocalOptions#parallelRuns()} runs at once, each
 * under a claim on the store that a heartbeat renews. Runs held by another process are waited
 * for (or taken over when their owner dies), so the report covers every requested run.
 */
public final class LocalExecutor implements SweepExecutor {

    /** Where runs are claimed and results kept. */
    private final RunStore store;
    /** Parallelism, lease, polling, Ctrl-C handling. */
    private final LocalOptions options;
    /** This executor's identity in claims; distinct per executor even within one process. */
    private final Owner owner = Owner.current().withNewToken();
    /** Claims held by running tasks, by run key. */
    private final Map<String, Claim> active = new ConcurrentHashMap<>();
    /** Set by {@link #cancel()}; cleared when an execution starts. */
    private volatile boolean cancelled;
    /** The running execution's workers, for the shutdown hook to wait on. */
    private volatile ExecutorService workers;

    /**
     * @param store the run store
     * @param options parallelism and the rest
     */
    public LocalExecutor(RunStore store, LocalOptions options) {
        this.store = store;
        this.options = options;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public SweepReport execute(SweepRequest request, SweepListener listener) {
        cancelled = false;
        store.plan(request.runs());
        if (request.retryFailed()) {
            request.runs().forEach(r -> store.retry(r.key()));
        }
        List<RunSpec> pending = new ArrayList<>();
        List<RunRecord> ended = new ArrayList<>();
        for (RunSpec spec : request.runs()) {
            RunRecord r = store.get(spec.key()).orElseThrow();
            if (r.status().isFinal()) {
                ended.add(r);
            } else {
                pending.add(spec);
            }
        }
        listener.on(new SweepEvent.Planned(request.runs().size(), ended.size()));
        ended.forEach(r -> listener.on(new SweepEvent.Skipped(r)));
        Thread hook = options.handleShutdown() ? new Thread(this::stopOnShutdown, "prec-sweep-shutdown") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("prec-lease").factory());
        long renewEvery = Math.max(1, options.lease().toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        AtomicInteger trained = new AtomicInteger();
        try {
            Set<RunSpec> waiting = ConcurrentHashMap.newKeySet();
            runAll(new ConcurrentLinkedQueue<>(pending), waiting, new Execution(request, listener, trained));
            awaitOthers(waiting, new Execution(request, listener, trained));
        } finally {
            heartbeat.shutdownNow();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running; it releases what is still held.
                }
            }
        }
        List<RunRecord> runs = request.runs().stream().map(s -> store.get(s.key()).orElseThrow()).toList();
        SweepReport report = new SweepReport(runs, trained.get(), cancelled && !runs.stream()
                .allMatch(r -> r.status().isFinal()));
        listener.on(new SweepEvent.Completed(report));
        return report;
    }

    /** One execution's request, listener and count of runs it ended. */
    private record Execution(SweepRequest request, SweepListener listener, AtomicInteger trained) {
    }

    private void runAll(Queue<RunSpec> queue, Set<RunSpec> waiting, Execution execution) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelRuns(),
                Thread.ofPlatform().name("prec-run-", 1).factory());
        workers = pool;
        AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
        for (int i = 0; i < options.parallelRuns(); i++) {
            pool.submit(() -> {
                RunSpec spec;
                try {
                    while (!cancelled && storeFailure.get() == null && (spec = queue.poll()) != null) {
                        if (!runOne(spec, execution)) {
                            waiting.add(spec);
                        }
                    }
                } catch (RuntimeException e) {
                    storeFailure.compareAndSet(null, e);
                }
            });
        }
        pool.shutdown();
        awaitQuietly(pool, Long.MAX_VALUE);
        if (storeFailure.get() != null) {
            // The store itself failed (disk full, file removed): no run can be recorded.
            throw storeFailure.get();
        }
    }

    /** Waits for runs other processes train; takes over those whose owner stops holding them. */
    private void awaitOthers(Set<RunSpec> waiting, Execution execution) {
        Set<String> announced = ConcurrentHashMap.newKeySet();
        while (!waiting.isEmpty() && !cancelled) {
            for (RunSpec spec : List.copyOf(waiting)) {
                RunRecord r = store.get(spec.key()).orElseThrow();
                if (r.status().isFinal()) {
                    waiting.remove(spec);
                    execution.listener().on(new SweepEvent.Ended(r));
                    continue;
                }
                Optional<Owner> holder = store.holder(spec.key());
                if (holder.isPresent() && announced.add(spec.key())) {
                    execution.listener().on(new SweepEvent.Waiting(spec, holder.get()));
                }
                if (runOne(spec, execution)) {
                    waiting.remove(spec);
                }
            }
            if (!waiting.isEmpty()) {
                sleep(options.pollInterval().toMillis());
            }
        }
    }

    /**
     * Claims and runs one run.
     *
     * @return true when the run was dealt with (run here, or found ended); false when another
     *     process holds it
     */
    private boolean runOne(RunSpec spec, Execution execution) {
        SweepListener listener = execution.listener();
        Optional<Claim> maybe = store.claim(spec, owner, options.lease());
        if (maybe.isEmpty()) {
            RunRecord r = store.get(spec.key()).orElseThrow();
            if (r.status().isFinal()) {
                listener.on(new SweepEvent.Ended(r));
                return true;
            }
            return false;
        }
        Claim claim = maybe.get();
        active.put(spec.key(), claim);
        try {
            Path dir = store.checkpointDirectory(spec.key());
            Optional<Path> resume = claim.resumeCheckpoint().map(Path::of).filter(Files::isRegularFile);
            listener.on(new SweepEvent.Started(spec, resume.isPresent()));
            LocalRunContext context = new LocalRunContext(store, claim, resume, dir, options.threadsPerRun(),
                    listener, () -> cancelled);
            RunOutcome outcome = runTask(execution.request().task(), context);
            switch (outcome) {
                case RunOutcome.Done d -> store.finish(claim, d.result());
                case RunOutcome.Diverged d -> store.diverge(claim, d.partial(), d.step(), d.message());
                case RunOutcome.Failed f -> store.fail(claim, f.error());
                case RunOutcome.Stopped s -> store.release(claim);
            }
            if (outcome instanceof RunOutcome.Stopped) {
                listener.on(new SweepEvent.Interrupted(spec, "the sweep was cancelled"));
            } else {
                execution.trained().incrementAndGet();
                listener.on(new SweepEvent.Ended(store.get(spec.key()).orElseThrow()));
            }
        } catch (StoreException lost) {
            listener.on(new SweepEvent.Interrupted(spec, lost.getMessage()));
        } finally {
            active.remove(spec.key());
        }
        return true;
    }

    private RunOutcome runTask(RunTask task, RunContext context) {
        try {
            Files.createDirectories(context.checkpointDirectory());
            return task.run(context);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (cancelled) {
                return new RunOutcome.Stopped();
            }
            return new RunOutcome.Failed(describe(e));
        }
    }

    /** One line: the exception's kind and message, and where it was thrown. */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            s.append(": ").append(e.getMessage());
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            s.append(" (at ").append(trace[0]).append(')');
        }
        return s.toString();
    }

    private void renewLeases() {
        for (Claim claim : active.values()) {
            try {
                store.renew(claim, options.lease());
            } catch (StoreException lost) {
                // The run's own writes will fail the same way and report it as interrupted.
            }
        }
    }

    /** Ctrl-C: stop tasks at safe points, wait a little for them, then give back what is held. */
    private void stopOnShutdown() {
        cancel();
        ExecutorService pool = workers;
        if (pool != null) {
            awaitQuietly(pool, 10_000);
        }
        try {
            store.releaseAll(owner);
        } catch (StoreException e) {
            // Nothing more can be done while the JVM exits; the claims' owner is dead, so the
            // next sweep takes the runs over.
        }
    }

    private static void awaitQuietly(ExecutorService pool, long millis) {
        try {
            pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
    }
}
