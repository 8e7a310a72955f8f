package dev.prec.sweep;

import dev.prec.store.Claim;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A run's context in the {@link LocalExecutor}: callbacks go to the store and the listener. */
final class LocalRunContext implements RunContext {

    /** The store holding the claim. */
    private final RunStore store;
    /** The claim the run is trained under. */
    private final Claim claim;
    /** Checkpoint to resume from, when one exists on disk. */
    private final Optional<Path> resumeFrom;
    /** Directory for this run's checkpoints. */
    private final Path checkpointDirectory;
    /** Threads the run may use. */
    private final int threads;
    /** Receives progress events. */
    private final SweepListener listener;
    /** Whether the sweep is being cancelled. */
    private final BooleanSupplier cancelled;

    LocalRunContext(RunStore store, Claim claim, Optional<Path> resumeFrom, Path checkpointDirectory,
            int threads, SweepListener listener, BooleanSupplier cancelled) {
        this.store = store;
        this.claim = claim;
        this.resumeFrom = resumeFrom;
        this.checkpointDirectory = checkpointDirectory;
        this.threads = threads;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    @Override
    public RunSpec spec() {
        return claim.spec();
    }

    @Override
    public Optional<Path> resumeFrom() {
        return resumeFrom;
    }

    @Override
    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void checkpointSaved(Path checkpoint) {
        store.recordCheckpoint(claim, checkpoint.toAbsolutePath().toString());
    }

    @Override
    public void progress(RunProgress progress) {
        listener.on(new SweepEvent.Progressed(claim.spec(), progress));
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
