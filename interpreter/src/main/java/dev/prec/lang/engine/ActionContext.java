package dev.prec.lang.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What an engine gets besides its request: where to report progress and how to notice cancellation.
 *
 * @param progress receives progress events; called on the engine's threads, must be thread-safe
 * @param cancelled set by the host to ask the running action to stop
 */
public record ActionContext(Consumer<ProgressEvent> progress, AtomicBoolean cancelled) {
    public ActionContext {
        if (progress == null || cancelled == null) {
            throw new IllegalArgumentException("progress and cancelled are required");
        }
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
