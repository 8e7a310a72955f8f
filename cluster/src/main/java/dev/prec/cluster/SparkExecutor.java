package dev.prec.cluster;

import dev.prec.store.Claim;
import dev.prec.store.Owner;
import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import dev.prec.sweep.RunOutcome;
import dev.prec.sweep.SweepEvent;
import dev.prec.sweep.SweepExecutor;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Executes a sweep on Apache Spark. Each pending run is claimed in the store by the driver and
 * becomes one Spark job of one partition (speculation off, so no run is trained twice at once);
 * the jobs are submitted from a pool of driver threads, so they run side by side on the cluster
 * and each outcome is written into the store the moment its job returns: progress is visible in
 * the store while the sweep runs, and a restarted driver skips the runs already ended.
 *
 * <p>A task that throws is retried by Spark ({@link SparkOptions#maxFailures()} attempts, a lost
 * executor included); a run whose every attempt failed is marked failed with Spark's account of
 * the last error, and the other runs go on. Outcomes are written under the driver's claim, so a
 * run has one row whatever happened to its attempts.
 */
public final class SparkExecutor implements SweepExecutor {

    /** Driver threads submitting jobs at most; further runs queue for a free thread. */
    private static final int MAX_CONCURRENT_JOBS = 64;
    /** How often to look at runs another process trains. */
    private static final long POLL_MILLIS = 500;
    /** A local master without a retry count: {@code local}, {@code local[4]}, {@code local[*]}. */
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");

    /** Where runs are claimed and results kept. */
    private final RunStore store;
    /** Master, retries, threads, lease, checkpoint placement. */
    private final SparkOptions options;
    /** A context the caller runs (spark-submit), or null to start one per execution. */
    private final JavaSparkContext given;
    /** This driver's identity in claims. */
    private final Owner owner = Owner.current().withNewToken();
    /** Claims held for runs out on the cluster, by run key. */
    private final Map<String, Claim> active = new ConcurrentHashMap<>();
    /** Set by {@link #cancel()}; cleared when an execution starts. */
    private volatile boolean cancelled;
    /** The context of the running execution, for {@link #cancel()}. */
    private volatile JavaSparkContext running;

    /**
     * An executor that starts its own Spark context on {@link SparkOptions#master()} for each
     * execution and stops it after.
     *
     * @param store the run store
     * @param options master and the rest
     */
    public SparkExecutor(RunStore store, SparkOptions options) {
        this(store, null, options);
    }

    /**
     * An executor on a context the caller runs (as under {@code spark-submit}); the context's own
     * master and retry settings apply and it is left running.
     *
     * @param store the run store
     * @param context the running context, or null to start one per execution
     * @param options threads, lease and checkpoint placement
     */
    public SparkExecutor(RunStore store, JavaSparkContext context, SparkOptions options) {
        this.store = store;
        this.given = context;
        this.options = options;
    }

    /**
     * The Spark configuration this executor starts its contexts with: no speculation, the retry
     * count, the task's cores, the web UI off, and the driver bound to loopback unless the
     * {@code spark.driver.*} system properties say otherwise.
     *
     * @param options the settings
     * @return the configuration
     */
    public static SparkConf configuration(SparkOptions options) {
        Matcher local = LOCAL.matcher(options.master());
        // local[N] never retries a task; local[N,F] does, F attempts.
        String master = local.matches()
                ? "local[" + (local.group(1) == null ? "1" : local.group(1)) + "," + options.maxFailures() + "]"
                : options.master();
        SparkConf conf = new SparkConf().setMaster(master).setAppName("prec sweep")
                .set("spark.task.maxFailures", Integer.toString(options.maxFailures()))
                .set("spark.speculation", "false")
                .set("spark.task.cpus", Integer.toString(options.threadsPerRun()));
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        conf.setIfMissing("spark.ui.enabled", "false");
        return conf;
    }

    @Override
    public void cancel() {
        cancelled = true;
        JavaSparkContext sc = running;
        if (sc != null) {
            for (String key : active.keySet()) {
                sc.cancelJobGroup(jobGroup(key));
            }
        }
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
        AtomicInteger trained = new AtomicInteger();
        if (!pending.isEmpty()) {
            JavaSparkContext sc = given != null ? given : new JavaSparkContext(configuration(options));
            running = sc;
            ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("prec-spark-lease").factory());
            long renewEvery = Math.max(1, options.lease().toMillis() / 3);
            heartbeat.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
            try {
                Execution execution = new Execution(request, listener, trained, sc);
                Set<RunSpec> waiting = ConcurrentHashMap.newKeySet();
                runAll(new ConcurrentLinkedQueue<>(pending), waiting, execution);
                awaitOthers(waiting, execution);
            } finally {
                heartbeat.shutdownNow();
                running = null;
                if (given == null) {
                    sc.stop();
                }
            }
        }
        List<RunRecord> runs = request.runs().stream().map(s -> store.get(s.key()).orElseThrow()).toList();
        SweepReport report = new SweepReport(runs, trained.get(),
                cancelled && !runs.stream().allMatch(r -> r.status().isFinal()));
        listener.on(new SweepEvent.Completed(report));
        return report;
    }

    /** One execution's request, listener, count of runs it ended, and Spark context. */
    private record Execution(SweepRequest request, SweepListener listener, AtomicInteger trained,
            JavaSparkContext spark) {
    }

    private void runAll(Queue<RunSpec> queue, Set<RunSpec> waiting, Execution execution) {
        int threads = Math.min(queue.size(), MAX_CONCURRENT_JOBS);
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("prec-spark-job-", 1).factory());
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
            // The store itself failed (disk full, file removed): no outcome can be recorded.
            throw storeFailure.get();
        }
    }

    /** Waits for runs other processes train; takes over those whose owner stops holding them. */
    private void awaitOthers(Set<RunSpec> waiting, Execution execution) {
        Set<String> announced = ConcurrentHashMap.newKeySet();
        while (!waiting.isEmpty() && !cancelled) {
            for (RunSpec spec : List.copyOf(waiting)) {
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
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                }
            }
        }
    }

    /**
     * Claims one run, trains it as a Spark job and records its outcome.
     *
     * @return true when the run was dealt with (trained here, or found ended); false when another
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
            Optional<Path> resume = claim.resumeCheckpoint().map(Path::of).filter(Files::isRegularFile);
            listener.on(new SweepEvent.Started(spec, resume.isPresent()));
            ShippedOutcome out = train(spec, resume, execution);
            switch (out.kind()) {
                case DONE -> store.finish(claim, result(spec, out));
                case DIVERGED -> store.diverge(claim, result(spec, out), out.divergedStep(), out.message());
                case FAILED -> store.fail(claim, out.message());
                case STOPPED -> store.release(claim);
            }
            if (out.kind() == ShippedOutcome.Kind.STOPPED) {
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

    /** Runs one run's job and waits for it; Spark's retries happen inside. */
    private ShippedOutcome train(RunSpec spec, Optional<Path> resume, Execution execution) {
        ShippedFile resumeFile = resume.map(SparkExecutor::read).orElse(null);
        String shared = options.sharedCheckpoints().map(d -> d.resolve(spec.key()).toString()).orElse(null);
        ShippedRun run = new ShippedRun(spec.json(), options.threadsPerRun(), resumeFile, shared);
        JavaSparkContext sc = execution.spark();
        try {
            // Job groups are per thread, and each run's job is submitted from its own thread.
            sc.setJobGroup(jobGroup(spec.key()), "prec run " + spec.shortKey(), true);
            if (cancelled) {
                return new ShippedOutcome(ShippedOutcome.Kind.STOPPED, null, 0, null, List.of());
            }
            return sc.parallelize(List.of(run), 1).map(new RemoteRun(execution.request().task())).collect().getFirst();
        } catch (Exception e) {
            // Scala throws SparkException (checked in Java's terms) undeclared when the job is aborted.
            if (cancelled) {
                return new ShippedOutcome(ShippedOutcome.Kind.STOPPED, null, 0, null, List.of());
            }
            return new ShippedOutcome(ShippedOutcome.Kind.FAILED, null, 0, describe(e), List.of());
        } finally {
            sc.clearJobGroup();
        }
    }

    /** The store's result, with shipped checkpoints written into the run's checkpoint directory. */
    private RunResult result(RunSpec spec, ShippedOutcome out) {
        if (options.sharedCheckpoints().isPresent()) {
            return out.result().toResult(out.result().checkpoints());
        }
        Path dir = store.checkpointDirectory(spec.key());
        List<String> paths = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (ShippedFile f : out.checkpoints()) {
                Path target = dir.resolve(f.name());
                Path partial = dir.resolve(f.name() + ".part");
                Files.write(partial, f.bytes());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                paths.add(target.toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of run " + spec.shortKey(), e);
        }
        return out.result().toResult(paths);
    }

    private static ShippedFile read(Path file) {
        try {
            return new ShippedFile(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    /**
     * Spark's account of a failed job: the first line of its message names the last attempt's
     * exception; the stack traces that follow are left out of the store.
     */
    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String jobGroup(String key) {
        return "prec-" + key;
    }

    private void renewLeases() {
        for (Claim claim : active.values()) {
            try {
                store.renew(claim, options.lease());
            } catch (StoreException lost) {
                // The outcome's write fails the same way and reports the run as interrupted.
            }
        }
    }
}
