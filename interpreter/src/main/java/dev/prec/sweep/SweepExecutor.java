package dev.prec.sweep;

/**
 * Runs a sweep's runs against a run store. Implementations: {@link LocalExecutor} in this JVM;
 * the cluster module on Spark. Contract for every implementation:
 * <ul>
 *   <li>runs done before are not run again (a {@link SweepEvent.Skipped} each);</li>
 *   <li>failed and diverged runs are kept with their error and reported by a
 *       {@link SweepEvent.Ended} as soon as they end, and are run again only when
 *       {@link SweepRequest#retryFailed()} is set;</li>
 *   <li>a run is trained only under a claim on the store, so no two processes train it at once;</li>
 *   <li>a run with a checkpoint resumes from it;</li>
 *   <li>{@link #cancel()} stops at safe points: ended runs stay, running ones keep their last
 *       checkpoint and return to planned.</li>
 * </ul>
 */
public interface SweepExecutor {

    /**
     * Executes the sweep, returning when every run has ended or the sweep was cancelled.
     *
     * @param request the runs and the task
     * @param listener receives events as they happen
     * @return the runs as stored at the end
     */
    SweepReport execute(SweepRequest request, SweepListener listener);

    /** Asks a running {@link #execute} to stop at safe points; callable from any thread. */
    void cancel();
}
