package dev.prec.train;

/** Receives progress of a run; called on the training thread, so it must be quick. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * After each optimiser step.
     *
     * @param step the step just taken, 0-based
     * @param steps total steps of the run
     * @param trainLoss that step's batch loss, nats per token
     */
    default void onStep(long step, long steps, double trainLoss) {
    }

    /**
     * After each validation.
     *
     * @param step the last step taken
     * @param valLoss validation loss, nats per token
     */
    default void onValidation(long step, double valLoss) {
    }
}
