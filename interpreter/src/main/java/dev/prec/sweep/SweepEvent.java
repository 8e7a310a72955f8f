package dev.prec.sweep;

import dev.prec.store.Owner;
import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;

/** What an executor reports while a sweep runs, as it happens. */
public sealed interface SweepEvent {

    /**
     * The sweep is about to start.
     *
     * @param total runs in the sweep
     * @param alreadyEnded runs that had ended before (done, or failed/diverged and not retried)
     */
    record Planned(int total, int alreadyEnded) implements SweepEvent {
    }

    /**
     * A run had ended before this sweep and is not run again.
     *
     * @param run the stored run
     */
    record Skipped(RunRecord run) implements SweepEvent {
    }

    /**
     * A run was claimed and its task started.
     *
     * @param spec the run
     * @param resumed whether it resumes from a checkpoint
     */
    record Started(RunSpec spec, boolean resumed) implements SweepEvent {
    }

    /**
     * A running run's progress.
     *
     * @param spec the run
     * @param progress how far it is
     */
    record Progressed(RunSpec spec, RunProgress progress) implements SweepEvent {
    }

    /**
     * A run ended: done, failed or diverged (see the record's status), by this process or by
     * another one this sweep waited for.
     *
     * @param run the stored run
     */
    record Ended(RunRecord run) implements SweepEvent {
    }

    /**
     * A run stopped unfinished (cancelled, or its claim was lost); it stays planned with its
     * checkpoint.
     *
     * @param spec the run
     * @param reason why it stopped
     */
    record Interrupted(RunSpec spec, String reason) implements SweepEvent {
    }

    /**
     * A run is being trained by another process; the sweep waits for it.
     *
     * @param spec the run
     * @param holder who trains it
     */
    record Waiting(RunSpec spec, Owner holder) implements SweepEvent {
    }

    /**
     * The sweep is over.
     *
     * @param report what it left
     */
    record Completed(SweepReport report) implements SweepEvent {
    }
}
