package dev.prec.sweep;

import dev.prec.store.RunResult;
import java.util.Objects;

/** How a {@link RunTask} ended. */
public sealed interface RunOutcome {

    /**
     * The run finished.
     *
     * @param result its result
     */
    record Done(RunResult result) implements RunOutcome {
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The loss left the finite range; kept, not retried unless asked.
     *
     * @param partial what the run produced before it diverged
     * @param step the step whose loss was not finite, {@code >= 0}
     * @param message one sentence on what diverged
     */
    record Diverged(RunResult partial, long step, String message) implements RunOutcome {
        /** @throws IllegalArgumentException if {@code step < 0} */
        public Diverged {
            Objects.requireNonNull(partial, "partial");
            Objects.requireNonNull(message, "message");
            if (step < 0) {
                throw new IllegalArgumentException("step must be >= 0, got " + step);
            }
        }
    }

    /**
     * The run could not be done (bad spec, out of memory, ...); kept, not retried unless asked.
     *
     * @param error what went wrong
     */
    record Failed(String error) implements RunOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The task stopped because the sweep was cancelled; it resumes from its last checkpoint. */
    record Stopped() implements RunOutcome {
    }
}
