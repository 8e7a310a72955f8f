package dev.prec.sweep;

import dev.prec.store.Claim;
import dev.prec.store.Owner;
import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The store side of every {@link SweepExecutor}: plans the sweep's runs, skips those that ended
 * before, claims each pending run under a lease a heartbeat renews, hands it to the executor's
 * {@link RunLauncher} (a thread here, a Spark task), records its outcome under the claim, waits
 * for runs other processes hold (taking them over when their owner stops renewing), and reports.
 * Executors differ only in where a claimed run trains; the claim protocol is this one piece.
 */
public final class SweepDriver {

    /**
     * Trains one claimed run wherever the executor trains runs.
     */
    @FunctionalInterface
    public interface RunLauncher {
        /**
         * @param claim the claim the run is trained under (its spec included)
         * @param resume the checkpoint an earlier attempt left on disk, if any
         * @param listener the sweep's listener, for progress
         * @return how the run ended
         * @throws Exception on any failure: the run is then failed with the exception's text,
         *     or released when the sweep is being cancelled
         */
        RunOutcome launch(Claim claim, Optional<Path> resume, SweepListener listener) throws Exception;
    }

    /**
     * How the driver holds claims.
     *
     * @param lease how long a claim holds without renewal, {@code > 0}; renewed every third of it
     * @param pollInterval how often to look at runs another process trains, {@code > 0}
     */
    public record Leasing(Duration lease, Duration pollInterval) {
        /** @throws IllegalArgumentException if a duration is not positive */
        public Leasing {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (lease.isNegative() || lease.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("lease and pollInterval must be > 0, got " + lease
                        + " and " + pollInterval);
            }
        }
    }

    /** Where runs are claimed and results kept. */
    private final RunStore store;
    /** Lease and polling. */
    private final Leasing leasing;
    /** This driver's identity in claims; distinct per driver even within one process. */
    private final Owner owner = Owner.current().withNewToken();
    /** Claims held for runs being trained, by run key. */
    private final Map<String, Claim> active = new ConcurrentHashMap<>();
    /** Set by {@link #cancel()}; cleared when an execution starts. */
    private volatile boolean cancelled;
    /** The threads launching runs in the running execution, for {@link #awaitLaunches}. */
    private volatile ExecutorService launching;

    /**
     * @param store the run store
     * @param leasing lease and polling
     */
    public SweepDriver(RunStore store, Leasing leasing) {
        this.store = Objects.requireNonNull(store, "store");
        this.leasing = Objects.requireNonNull(leasing, "leasing");
    }

    /** @return the store the runs are claimed in */
    public RunStore store() {
        return store;
    }

    /** Asks the running execution to stop claiming runs; launchers see it through {@link #cancelled()}. */
    public void cancel() {
        cancelled = true;
    }

    /** @return whether {@link #cancel()} was called since the execution started */
    public boolean cancelled() {
        return cancelled;
    }

    /** @return the keys of the runs being trained now */
    public Set<String> activeKeys() {
        return Set.copyOf(active.keySet());
    }

    /**
     * Waits for the running execution's launches to return, as after {@link #cancel()}.
     *
     * @param timeout how long to wait at most
     */
    public void awaitLaunches(Duration timeout) {
        ExecutorService pool = launching;
        if (pool != null) {
            try {
                pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Gives back every claim this driver holds (on shutdown); the runs return to planned. */
    public void releaseAll() {
        store.releaseAll(owner);
    }

    /**
     * Plans the request's runs (retrying failed ones if asked), reports which ended before, and
     * clears the cancel flag.
     *
     * @param request the sweep
     * @param listener receives {@link SweepEvent.Planned} and one {@link SweepEvent.Skipped} per ended run
     * @return the runs still to train, in request order
     */
    public List<RunSpec> plan(SweepRequest request, SweepListener listener) {
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
        return pending;
    }

    /**
     * Trains the pending runs, {@code parallelRuns} at once, each under a renewed claim, then
     * waits for those other processes hold.
     *
     * @param pending the runs to train
     * @param listener receives each run's events
     * @param launcher trains one claimed run
     * @param parallelRuns runs launched at once, {@code >= 1}
     * @return how many runs this call ended (done, failed or diverged)
     * @throws StoreException if the store itself fails, so that no outcome can be recorded
     */
    public int train(List<RunSpec> pending, SweepListener listener, RunLauncher launcher, int parallelRuns) {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("parallelRuns must be >= 1, got " + parallelRuns);
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("prec-lease").factory());
        long renewEvery = Math.max(1, leasing.lease().toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        AtomicInteger trained = new AtomicInteger();
        try {
            Set<RunSpec> waiting = ConcurrentHashMap.newKeySet();
            Execution execution = new Execution(listener, launcher, trained);
            runAll(new ConcurrentLinkedQueue<>(pending), waiting, execution, parallelRuns);
            awaitOthers(waiting, execution);
        } finally {
            heartbeat.shutdownNow();
        }
        return trained.get();
    }

    /**
     * Reports the requested runs as stored now.
     *
     * @param request the sweep
     * @param listener receives the {@link SweepEvent.Completed}
     * @param trained runs this execution ended
     * @return the report
     */
    public SweepReport report(SweepRequest request, SweepListener listener, int trained) {
        List<RunRecord> runs = request.runs().stream().map(s -> store.get(s.key()).orElseThrow()).toList();
        SweepReport report = new SweepReport(runs, trained,
                cancelled && !runs.stream().allMatch(r -> r.status().isFinal()));
        listener.on(new SweepEvent.Completed(report));
        return report;
    }

    /** One execution's listener, launcher and count of runs it ended. */
    private record Execution(SweepListener listener, RunLauncher launcher, AtomicInteger trained) {
    }

    private void runAll(Queue<RunSpec> queue, Set<RunSpec> waiting, Execution execution, int parallelRuns) {
        int threads = Math.max(1, Math.min(queue.size(), parallelRuns));
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("prec-run-", 1).factory());
        launching = pool;
        AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
        for (int i = 0; i < threads; i++) {
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
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
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
                try {
                    Thread.sleep(leasing.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                }
            }
        }
    }

    /**
     * Claims one run, launches it and records its outcome.
     *
     * @return true when the run was dealt with (trained here, or found ended); false when another
     *     process holds it
     */
    private boolean runOne(RunSpec spec, Execution execution) {
        SweepListener listener = execution.listener();
        Optional<Claim> maybe = store.claim(spec, owner, leasing.lease());
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
            Optional<Path> resume = claim.resumeCheckpoint().map(Path::of).filter(Files::isRegularFile);
            listener.on(new SweepEvent.Started(spec, resume.isPresent()));
            RunOutcome outcome = launch(execution.launcher(), claim, resume, listener);
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

    private RunOutcome launch(RunLauncher launcher, Claim claim, Optional<Path> resume, SweepListener listener) {
        try {
            return launcher.launch(claim, resume, listener);
        } catch (StoreException lost) {
            throw lost;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (cancelled) {
                return new RunOutcome.Stopped();
            }
            return new RunOutcome.Failed(describe(e));
        }
    }

    /**
     * One line: the exception's kind and message, and where it was thrown.
     *
     * @param e the failure
     * @return its description for the store
     */
    public static String describe(Throwable e) {
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
                store.renew(claim, leasing.lease());
            } catch (StoreException lost) {
                // The run's own writes fail the same way and report it as interrupted.
            }
        }
    }
}
