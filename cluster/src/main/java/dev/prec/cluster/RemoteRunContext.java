package dev.prec.cluster;

import dev.prec.store.RunSpec;
import dev.prec.sweep.RunContext;
import dev.prec.sweep.RunProgress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's context on a Spark executor. The store lives with the driver, so intermediate
 * checkpoints are not recorded mid-run (the last one comes back with the outcome) and progress is
 * not streamed; cancellation reaches the task as Spark killing it.
 */
final class RemoteRunContext implements RunContext {

    /** The run. */
    private final RunSpec spec;
    /** The checkpoint restored from the driver, if any. */
    private final Optional<Path> resumeFrom;
    /** This attempt's checkpoint directory. */
    private final Path directory;
    /** Threads the run may use. */
    private final int threads;

    RemoteRunContext(RunSpec spec, Optional<Path> resumeFrom, Path directory, int threads) {
        this.spec = spec;
        this.resumeFrom = resumeFrom;
        this.directory = directory;
        this.threads = threads;
    }

    @Override
    public RunSpec spec() {
        return spec;
    }

    @Override
    public Optional<Path> resumeFrom() {
        return resumeFrom;
    }

    @Override
    public Path checkpointDirectory() {
        return directory;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void checkpointSaved(Path checkpoint) {
        // The store is on the driver; the checkpoint the run ends with is shipped back with its outcome.
    }

    @Override
    public void progress(RunProgress progress) {
        // Progress is not streamed from executors; the driver reports each run as it ends.
    }

    @Override
    public boolean cancelled() {
        // Spark stops a cancelled task by interrupting its thread.
        return Thread.currentThread().isInterrupted();
    }
}
