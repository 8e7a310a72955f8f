package dev.prec.lang.bind.train;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunStatus;
import dev.prec.sweep.ProgressDisplay;
import dev.prec.sweep.SweepEvent;
import dev.prec.sweep.SweepListener;
import java.io.Console;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sweep's events as the action's progress: one event per run that starts, ends (done, failed,
 * diverged: reported as they happen), stops or waits, a step event at most every
 * {@link #STEP_INTERVAL_NANOS} per run, and live bars ({@link ProgressDisplay}) when this process
 * has a terminal. Asks the executor to stop once the host cancels the action.
 */
final class TrainProgress implements SweepListener {

    /** Least time between two step reports; a tiny run takes hundreds of steps a second. */
    private static final long STEP_INTERVAL_NANOS = 1_000_000_000L;

    private final ActionContext context;
    private final int total;
    private final Runnable cancel;
    private final SweepListener console;
    private final AtomicInteger ended = new AtomicInteger();
    private volatile long lastStep;

    /**
     * @param context where progress goes and cancellation comes from
     * @param total runs in the sweep
     * @param cancel stops the executor
     */
    TrainProgress(ActionContext context, int total, Runnable cancel) {
        this.context = context;
        this.total = total;
        this.cancel = cancel;
        Console terminal = System.console();
        this.console = terminal != null && terminal.isTerminal() ? ProgressDisplay.forConsole(System.err) : SweepListener.NONE;
    }

    @Override
    public void on(SweepEvent event) {
        if (context.cancelled().get()) {
            cancel.run();
        }
        console.on(event);
        switch (event) {
            case SweepEvent.Planned p -> {
                ended.set(p.alreadyEnded());
                report(p.total() + " runs, " + p.alreadyEnded() + " ended before, "
                        + (p.total() - p.alreadyEnded()) + " to train");
            }
            case SweepEvent.Started s -> report((s.resumed() ? "resuming run " : "starting run ") + s.spec().shortKey());
            case SweepEvent.Progressed p -> {
                long now = System.nanoTime();
                if (now - lastStep >= STEP_INTERVAL_NANOS) {
                    lastStep = now;
                    report(String.format(Locale.ROOT, "run %s: %d/%d tokens, train loss %.4g", p.spec().shortKey(),
                            p.progress().tokens(), p.progress().totalTokens(), p.progress().loss()));
                }
            }
            case SweepEvent.Ended e -> {
                ended.incrementAndGet();
                report(ended(e.run()));
            }
            case SweepEvent.Interrupted i -> report("run " + i.spec().shortKey() + " stopped: " + i.reason()
                    + "; it resumes from its last checkpoint");
            case SweepEvent.Waiting w -> report("run " + w.spec().shortKey() + " is being trained by process "
                    + w.holder().pid() + " on " + w.holder().host());
            case SweepEvent.Skipped s -> { }
            case SweepEvent.Completed c -> report(c.report().count(RunStatus.DONE) + " done, "
                    + c.report().count(RunStatus.FAILED) + " failed, " + c.report().count(RunStatus.DIVERGED) + " diverged");
        }
    }

    private void report(String message) {
        context.report(new ProgressEvent("train", Math.min(ended.get(), total), total, message));
    }

    private static String ended(RunRecord r) {
        String key = "run " + r.spec().shortKey();
        return switch (r.status()) {
            case DONE -> {
                RunResult x = r.result().orElseThrow();
                yield String.format(Locale.ROOT, "%s done: val loss %.4g, %.0f tokens/s, %.1f s", key,
                        x.finalValLoss(), x.tokensPerSecond(), x.wallSeconds());
            }
            case FAILED -> key + " FAILED: " + r.error().orElse("no error recorded");
            case DIVERGED -> key + " DIVERGED at step " + r.divergedStep().orElse(-1) + ": " + r.error().orElse("");
            case PLANNED, RUNNING -> key + " " + r.status().label();
        };
    }
}
