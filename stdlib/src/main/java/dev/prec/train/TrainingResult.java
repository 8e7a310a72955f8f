package dev.prec.train;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param status how the run ended
 * @param steps optimiser steps taken
 * @param finalValLoss validation loss (nats per token) of the final weights; NaN when diverged
 * @param averagedValLoss validation loss of the tail-averaged weights, NaN without averaging
 * @param curve training loss at every step taken
 * @param validation validation losses at intervals and at the end
 * @param tokensPerSecond training tokens per second of wall time spent in steps (excluding validation and checkpoints)
 * @param wallSeconds wall time of the whole run, seconds
 * @param divergedStep the step whose loss showed divergence, or -1
 */
public record TrainingResult(Status status, long steps, double finalValLoss, double averagedValLoss, List<Point> curve,
                             List<Point> validation, double tokensPerSecond, double wallSeconds, long divergedStep) {

    /** Copies the lists. */
    public TrainingResult {
        curve = List.copyOf(curve);
        validation = List.copyOf(validation);
    }

    /** How a run ended. */
    public enum Status {
        /** All steps of the token budget were taken. */
        COMPLETED,
        /** The loss became non-finite or blew up; see {@link #divergedStep()}. */
        DIVERGED,
        /** Cancelled by the caller; the result covers the steps taken. */
        CANCELLED
    }

    /**
     * One point of a loss curve.
     *
     * @param step the optimiser step, 0-based: for training losses the step whose batch was
     *     measured (before its update), for validation losses the last step taken
     * @param tokens training tokens consumed up to and including this step
     * @param loss loss in nats per token
     */
    public record Point(long step, long tokens, double loss) {
    }
}
