package dev.prec.sweep;

import dev.prec.store.RunStatus;
import java.io.PrintStream;

/** Progress for logs and pipes: one line per ended or stopped run, and a summary. */
public final class LineProgress implements SweepListener {

    /** Where lines go. */
    private final PrintStream out;
    /** Runs in the sweep. */
    private int total;
    /** Runs ended so far, counting those ended before the sweep. */
    private int ended;

    /** @param out where lines go */
    public LineProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void on(SweepEvent event) {
        switch (event) {
            case SweepEvent.Planned p -> {
                total = p.total();
                ended = p.alreadyEnded();
                out.println("sweep: " + p.total() + " runs, " + p.alreadyEnded() + " ended before, "
                        + (p.total() - p.alreadyEnded()) + " to run");
            }
            case SweepEvent.Ended e -> {
                ended++;
                out.println("[" + ended + "/" + total + "] " + ProgressDisplay.ended(e.run()));
            }
            case SweepEvent.Interrupted i -> out.println("stopped   " + ProgressDisplay.label(i.spec()) + ": "
                    + i.reason() + "; it resumes from its last checkpoint");
            case SweepEvent.Waiting w -> out.println("waiting   " + ProgressDisplay.label(w.spec())
                    + ": trained by process " + w.holder().pid() + " on " + w.holder().host());
            case SweepEvent.Completed c -> out.println("sweep: " + c.report().count(RunStatus.DONE)
                    + " done, " + c.report().count(RunStatus.FAILED) + " failed, "
                    + c.report().count(RunStatus.DIVERGED) + " diverged"
                    + (c.report().complete() ? "" : ", " + c.report().runs().stream()
                            .filter(r -> !r.status().isFinal()).count() + " not finished"));
            case SweepEvent.Skipped s -> { }
            case SweepEvent.Started s -> { }
            case SweepEvent.Progressed p -> { }
        }
        out.flush();
    }
}
