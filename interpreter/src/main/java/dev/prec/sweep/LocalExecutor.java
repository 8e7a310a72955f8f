package dev.prec.sweep;

import dev.prec.store.Claim;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import dev.prec.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Executes a sweep in this JVM: up to {@link LocalOptions#parallelRuns()} runs at once, each on
 * its own thread under a claim on the store ({@link SweepDriver}). Runs held by another process
 * are waited for (or taken over when their owner dies), so the report covers every requested run.
 */
public final class LocalExecutor implements SweepExecutor {

    /** How long Ctrl-C waits for running runs to reach a safe point. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /** Parallelism, lease, polling, Ctrl-C handling. */
    private final LocalOptions options;
    /** Claims, plans and records runs. */
    private final SweepDriver driver;

    /**
     * @param store the run store
     * @param options parallelism and the rest
     */
    public LocalExecutor(RunStore store, LocalOptions options) {
        this.options = options;
        this.driver = new SweepDriver(store, new SweepDriver.Leasing(options.lease(), options.pollInterval()));
    }

    @Override
    public void cancel() {
        driver.cancel();
    }

    @Override
    public SweepReport execute(SweepRequest request, SweepListener listener) {
        List<RunSpec> pending = driver.plan(request, listener);
        Thread hook = options.handleShutdown() ? new Thread(this::stopOnShutdown, "prec-sweep-shutdown") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        int trained;
        try {
            trained = driver.train(pending, listener, (claim, resume, l) -> trainHere(request.task(), claim, resume, l),
                    options.parallelRuns());
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running; it releases what is still held.
                }
            }
        }
        return driver.report(request, listener, trained);
    }

    /** Trains a claimed run on this thread, its progress and checkpoints going to the store and listener. */
    private RunOutcome trainHere(RunTask task, Claim claim, Optional<Path> resume, SweepListener listener)
            throws Exception {
        Path dir = driver.store().checkpointDirectory(claim.spec().key());
        Files.createDirectories(dir);
        return task.run(new LocalRunContext(driver.store(), claim, resume, dir, options.threadsPerRun(), listener,
                driver::cancelled));
    }

    /** Ctrl-C: stop tasks at safe points, wait a little for them, then give back what is held. */
    private void stopOnShutdown() {
        driver.cancel();
        driver.awaitLaunches(SHUTDOWN_WAIT);
        try {
            driver.releaseAll();
        } catch (StoreException e) {
            // Nothing more can be done while the JVM exits; the claims' owner is dead, so the
            // next sweep takes the runs over.
        }
    }
}
