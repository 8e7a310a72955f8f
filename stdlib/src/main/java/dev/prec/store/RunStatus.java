package dev.prec.store;

import java.util.Locale;

/** Where a run is in its life. Only {@link #PLANNED} runs (and stale {@link #RUNNING} ones) are claimed. */
public enum RunStatus {
    /** Known, not finished, not held by anyone; may have a checkpoint to resume from. */
    PLANNED,
    /** Claimed by a live owner that renews its lease. */
    RUNNING,
    /** Finished with a result. */
    DONE,
    /** Stopped by an error, kept with its text; retried only when asked. */
    FAILED,
    /** Stopped because the loss left the finite range; kept with its partial result. */
    DIVERGED;

    /** @return the lower-case name stored in the database and shown to users */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label a name as returned by {@link #label()}, any case
     * @return the status of that name
     * @throws IllegalArgumentException if {@code label} names no status
     */
    public static RunStatus ofLabel(String label) {
        for (RunStatus s : values()) {
            if (s.label().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + label
                + "'; expected planned, running, done, failed or diverged");
    }

    /** @return whether the run has ended (done, failed or diverged) */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == DIVERGED;
    }
}
