package dev.prec.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link LocalExecutor}.
 *
 * @param parallelRuns runs trained at once, {@code >= 1}; each gets
 *     {@code max(1, cores / parallelRuns)} threads
 * @param lease how long a claim holds without renewal, {@code > 0}; renewed every third of it,
 *     so another host takes over a run this long after its owner stopped renewing
 * @param pollInterval how often to look at runs another process is training, {@code > 0}
 * @param handleShutdown install a shutdown hook so Ctrl-C (SIGINT, SIGTERM) stops the sweep
 *     cleanly: running runs keep their last checkpoint and return to planned
 */
public record LocalOptions(int parallelRuns, Duration lease, Duration pollInterval, boolean handleShutdown) {

    /** @throws IllegalArgumentException if {@code parallelRuns < 1} or a duration is not positive */
    public LocalOptions {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("parallelRuns must be >= 1, got " + parallelRuns);
        }
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (lease.isNegative() || lease.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("lease and pollInterval must be > 0, got " + lease
                    + " and " + pollInterval);
        }
    }

    /** @return one run at a time using every core, a 60 s lease, 500 ms polling, Ctrl-C handled */
    public static LocalOptions defaults() {
        return new LocalOptions(1, Duration.ofSeconds(60), Duration.ofMillis(500), true);
    }

    /**
     * @param runs runs trained at once, {@code >= 1}
     * @return these options with that parallelism
     */
    public LocalOptions withParallelRuns(int runs) {
        return new LocalOptions(runs, lease, pollInterval, handleShutdown);
    }

    /**
     * @param install whether to install the Ctrl-C shutdown hook
     * @return these options with that choice
     */
    public LocalOptions withShutdownHandling(boolean install) {
        return new LocalOptions(parallelRuns, lease, pollInterval, install);
    }

    /** @return threads each run may use: the cores shared among the parallel runs, at least one */
    public int threadsPerRun() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / parallelRuns);
    }
}
