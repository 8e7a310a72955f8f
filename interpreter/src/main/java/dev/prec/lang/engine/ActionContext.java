package dev.prec.lang.engine;

import dev.prec.sweep.ExecutorChoice;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What an engine gets besides its request: where to report progress, how to notice cancellation,
 * and where the host wants sweeps trained.
 *
 * @param progress receives progress events; called on the engine's threads, must be thread-safe
 * @param cancelled set by the host to ask the running action to stop
 * @param executor the sweep executor the host chose ({@code prec run --executor}, the embedding
 *     API), which wins over a script's {@code executor} option; holds null while the host chose none
 */
public record ActionContext(Consumer<ProgressEvent> progress, AtomicBoolean cancelled,
        AtomicReference<ExecutorChoice> executor) {
    public ActionContext {
        if (progress == null || cancelled == null || executor == null) {
            throw new IllegalArgumentException("progress, cancelled and executor are required");
        }
    }

    /**
     * A context whose host has not chosen an executor.
     *
     * @param progress receives progress events
     * @param cancelled set by the host to ask the running action to stop
     */
    public ActionContext(Consumer<ProgressEvent> progress, AtomicBoolean cancelled) {
        this(progress, cancelled, new AtomicReference<>());
    }

    /** @return the executor the host chose, if it chose one */
    public Optional<ExecutorChoice> chosenExecutor() {
        return Optional.ofNullable(executor.get());
    }

    /** A context that drops progress and is never cancelled. */
    public static ActionContext quiet() {
        return new ActionContext(e -> { }, new AtomicBoolean());
    }

    public void report(ProgressEvent event) {
        progress.accept(event);
    }

    /**
     * Engines call this between units of work (steps, runs) so cancelling stops them promptly.
     *
     * @throws CancellationException if the host cancelled
     */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled");
        }
    }
}
