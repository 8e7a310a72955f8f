package dev.prec.sweep;

import dev.prec.store.RunSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A sweep to execute.
 *
 * @param runs the resolved runs, in the order to train them, distinct keys
 * @param task what to do with each run
 * @param retryFailed also run again the runs that failed or diverged before
 */
public record SweepRequest(List<RunSpec> runs, RunTask task, boolean retryFailed) {

    /** @throws IllegalArgumentException if two runs share a key */
    public SweepRequest {
        runs = List.copyOf(runs);
        Objects.requireNonNull(task, "task");
        Set<String> keys = new HashSet<>();
        for (RunSpec r : runs) {
            if (!keys.add(r.key())) {
                throw new IllegalArgumentException("run " + r.shortKey() + " appears twice in the sweep");
            }
        }
    }
}
