package dev.prec.sweep;

/** Receives a sweep's events; called from worker threads, so implementations synchronize. */
@FunctionalInterface
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = event -> { };

    /** @param event what happened */
    void on(SweepEvent event);
}
