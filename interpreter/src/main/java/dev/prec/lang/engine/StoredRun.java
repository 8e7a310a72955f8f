package dev.prec.lang.engine;

import dev.prec.lang.value.RecordValue;

/**
 * One run of a sweep as the run store knows it before anything trains: what {@code plan} and
 * {@code prec check} list so that a re-run's cost counts only the runs still to train.
 *
 * @param point the sweep point over the shared options (model, tokens, batch, precision, ...)
 * @param key the run's short key, as {@code prec runs} shows it
 * @param state what the store holds for the run
 */
public record StoredRun(RecordValue point, String key, State state) {

    /** A run's state as far as a plan cares: will training it cost time? */
    public enum State {
        /** Ended with a result; not trained again. */
        FINISHED,
        /** Failed or diverged; kept with its error and not retried until deleted. */
        FAILED,
        /** Not in the store, or planned or in progress without a result: still to train. */
        PENDING;

        /** The lower-case word a plan prints. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StoredRun {
        if (point == null || key == null || state == null) {
            throw new IllegalArgumentException("point, key and state are required");
        }
    }
}
