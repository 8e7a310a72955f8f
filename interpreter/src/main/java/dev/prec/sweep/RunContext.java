package dev.prec.sweep;

import dev.prec.store.RunSpec;
import java.nio.file.Path;
import java.util.Optional;

/** What a {@link RunTask} gets from the executor for one run. */
public interface RunContext {

    /** @return the resolved spec of the run */
    RunSpec spec();

    /** @return the checkpoint an interrupted earlier attempt left, to resume from */
    Optional<Path> resumeFrom();

    /** @return a directory for this run's checkpoints, created, the same for every attempt */
    Path checkpointDirectory();

    /** @return how many threads the run may use, {@code >= 1} */
    int threads();

    /**
     * Records a checkpoint as the point to resume from. Call it after the file is complete on
     * disk (written to a temporary name, then moved), never before.
     *
     * @param checkpoint the checkpoint file
     */
    void checkpointSaved(Path checkpoint);

    /**
     * Reports progress for the live display; cheap, may be called every step.
     *
     * @param progress how far the run is
     */
    void progress(RunProgress progress);

    /** @return whether the sweep is being cancelled: stop at the next safe point */
    boolean cancelled();
}
