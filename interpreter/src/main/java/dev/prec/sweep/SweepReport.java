package dev.prec.sweep;

import dev.prec.store.RunRecord;
import dev.prec.store.RunStatus;
import java.util.List;

/**
 * What a sweep execution left in the store.
 *
 * @param runs the requested runs as stored at the end, in request order
 * @param trained how many runs this execution finished (done, failed or diverged)
 * @param cancelled whether the execution was cancelled before every run ended
 */
public record SweepReport(List<RunRecord> runs, int trained, boolean cancelled) {

    public SweepReport {
        runs = List.copyOf(runs);
    }

    /**
     * @param status a status
     * @return how many of the runs have it
     */
    public long count(RunStatus status) {
        return runs.stream().filter(r -> r.status() == status).count();
    }

    /** @return whether every run has ended (done, failed or diverged) */
    public boolean complete() {
        return runs.stream().allMatch(r -> r.status().isFinal());
    }
}
