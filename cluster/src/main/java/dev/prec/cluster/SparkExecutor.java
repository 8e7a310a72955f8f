package dev.prec.cluster;

import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import dev.prec.sweep.RunOutcome;
import dev.prec.sweep.RunTask;
import dev.prec.sweep.SweepDriver;
import dev.prec.sweep.SweepExecutor;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final Duration POLL = Duration.ofMillis(500);
    /** JVM options of executors unless the user gives spark.executor.extraJavaOptions. */
    static final String EXECUTOR_JAVA_OPTIONS = "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss8m";
    /** A local master without a retry count: {@code local}, {@code local[4]}, {@code local[*]}. */
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");

    /** Claims, plans and records runs. */
    private final SweepDriver driver;
    /** Master, retries, threads, lease, checkpoint placement. */
    private final SparkOptions options;
    /** A context the caller runs (spark-submit), or null to start one per execution. */
    private final JavaSparkContext given;
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
        this.driver = new SweepDriver(store, new SweepDriver.Leasing(options.lease(), POLL));
        this.given = context;
        this.options = options;
    }

    /**
     * The Spark configuration this executor starts its contexts with: no speculation, the retry
     * count and the task's cores over the options' own Spark settings; the web UI off, the driver
     * bound to loopback and executors started with the Vector API module unless those settings or
     * the {@code spark.*} system properties say otherwise.
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
        SparkConf conf = new SparkConf();
        // The user's settings first: speculation, retries and task cores are this executor's.
        options.sparkConf().forEach(conf::set);
        conf.setMaster(master).setIfMissing("spark.app.name", "prec sweep")
                .set("spark.task.maxFailures", Integer.toString(options.maxFailures()))
                .set("spark.speculation", "false")
                .set("spark.task.cpus", Integer.toString(options.threadsPerRun()));
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        conf.setIfMissing("spark.ui.enabled", "false");
        // Without the Vector API module the trainer takes its scalar path, whose sums round
        // differently: executors must compute as the driver and the local executor do.
        conf.setIfMissing("spark.executor.extraJavaOptions", EXECUTOR_JAVA_OPTIONS);
        return conf;
    }

    /**
     * @param master a Spark master URL
     * @return whether it runs tasks in the driver's JVM ({@code local}, {@code local[N]}, {@code local[N,F]})
     */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    @Override
    public void cancel() {
        driver.cancel();
        JavaSparkContext sc = running;
        if (sc != null) {
            for (String key : driver.activeKeys()) {
                sc.cancelJobGroup(jobGroup(key));
            }
        }
    }

    @Override
    public SweepReport execute(SweepRequest request, SweepListener listener) {
        List<RunSpec> pending = driver.plan(request, listener);
        int trained = 0;
        if (!pending.isEmpty()) {
            JavaSparkContext sc = given != null ? given : new JavaSparkContext(configuration(options));
            running = sc;
            try {
                trained = driver.train(pending, listener,
                        (claim, resume, l) -> trainOnSpark(claim.spec(), resume, sc, request.task()),
                        Math.min(pending.size(), MAX_CONCURRENT_JOBS));
            } finally {
                running = null;
                if (given == null) {
                    sc.stop();
                }
            }
        }
        return driver.report(request, listener, trained);
    }

    /** Runs one run's job and waits for it (Spark's retries happen inside); checkpoints land in the store's directory. */
    private RunOutcome trainOnSpark(RunSpec spec, Optional<Path> resume, JavaSparkContext sc, RunTask task) {
        ShippedOutcome out = ship(spec, resume, sc, task);
        return switch (out.kind()) {
            case DONE -> new RunOutcome.Done(result(spec, out));
            case DIVERGED -> new RunOutcome.Diverged(result(spec, out), out.divergedStep(), out.message());
            case FAILED -> new RunOutcome.Failed(out.message());
            case STOPPED -> new RunOutcome.Stopped();
        };
    }

    private ShippedOutcome ship(RunSpec spec, Optional<Path> resume, JavaSparkContext sc, RunTask task) {
        ShippedFile resumeFile = resume.map(SparkExecutor::read).orElse(null);
        String shared = options.sharedCheckpoints().map(d -> d.resolve(spec.key()).toString()).orElse(null);
        ShippedRun run = new ShippedRun(spec.json(), options.threadsPerRun(), resumeFile, shared);
        try {
            // Job groups are per thread, and each run's job is submitted from its own thread.
            sc.setJobGroup(jobGroup(spec.key()), "prec run " + spec.shortKey(), true);
            if (driver.cancelled()) {
                return new ShippedOutcome(ShippedOutcome.Kind.STOPPED, null, 0, null, List.of());
            }
            return sc.parallelize(List.of(run), 1).map(new RemoteRun(task)).collect().getFirst();
        } catch (Exception e) {
            // Scala throws SparkException (checked in Java's terms) undeclared when the job is aborted.
            if (driver.cancelled()) {
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
        Path dir = driver.store().checkpointDirectory(spec.key());
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
}
