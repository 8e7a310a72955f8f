package dev.prec.store;

/**
 * One point of a loss curve.
 *
 * @param step optimiser steps taken when the loss was measured, {@code step >= 0}
 * @param tokens training tokens seen at that point, {@code tokens >= 0}
 * @param loss the loss in nats per token; NaN or infinite when the run diverged
 */
public record CurvePoint(long step, long tokens, double loss) {

    /** @throws IllegalArgumentException if {@code step < 0} or {@code tokens < 0} */
    public CurvePoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, got " + tokens);
        }
    }
}
