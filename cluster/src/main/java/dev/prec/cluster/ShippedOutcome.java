package dev.prec.cluster;

import dev.prec.store.CurvePoint;
import dev.prec.store.RunResult;
import dev.prec.sweep.RunOutcome;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RunOutcome} as it travels back from an executor: the store's records are not
 * {@link Serializable}, so results go as plain fields.
 *
 * @param kind how the run ended
 * @param result what the run produced, for done and diverged runs; null otherwise
 * @param divergedStep the step whose loss was not finite, for diverged runs
 * @param message the error (failed) or divergence message (diverged); null otherwise
 * @param checkpoints the checkpoint files the result names, shipped back (empty when they were
 *     written to a shared directory)
 */
record ShippedOutcome(Kind kind, Result result, long divergedStep, String message, List<ShippedFile> checkpoints)
        implements Serializable {

    /** How a run ended. */
    enum Kind { DONE, DIVERGED, FAILED, STOPPED }

    ShippedOutcome {
        Objects.requireNonNull(kind, "kind");
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * A {@link RunResult}'s fields; curves as parallel arrays.
     *
     * @param finalValLoss validation loss at the end, nats per token
     * @param validation validation curve
     * @param training training curve
     * @param tokensPerSecond throughput, tokens per second
     * @param wallSeconds wall time, seconds
     * @param machine the executor machine's description
     * @param checkpoints checkpoint paths as the executor saw them
     */
    record Result(double finalValLoss, Curve validation, Curve training, double tokensPerSecond,
            double wallSeconds, String machine, List<String> checkpoints) implements Serializable {
        Result {
            checkpoints = List.copyOf(checkpoints);
        }

        static Result of(RunResult r) {
            return new Result(r.finalValLoss(), Curve.of(r.validation()), Curve.of(r.training()),
                    r.tokensPerSecond(), r.wallSeconds(), r.machine(), r.checkpoints());
        }

        /**
         * @param checkpointPaths the checkpoint paths to record, as the driver sees them
         * @return the store's result
         */
        RunResult toResult(List<String> checkpointPaths) {
            return new RunResult(finalValLoss, validation.points(), training.points(), tokensPerSecond,
                    wallSeconds, machine, checkpointPaths);
        }
    }

    /**
     * A loss curve as parallel arrays of equal length.
     *
     * @param steps optimizer steps
     * @param tokens tokens seen
     * @param losses losses, nats per token
     */
    record Curve(long[] steps, long[] tokens, double[] losses) implements Serializable {
        /** @throws IllegalArgumentException if the arrays differ in length */
        Curve {
            if (steps.length != tokens.length || steps.length != losses.length) {
                throw new IllegalArgumentException("curve arrays differ in length: " + steps.length + ", "
                        + tokens.length + ", " + losses.length);
            }
        }

        static Curve of(List<CurvePoint> points) {
            int n = points.size();
            long[] s = new long[n];
            long[] t = new long[n];
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = points.get(i).step();
                t[i] = points.get(i).tokens();
                l[i] = points.get(i).loss();
            }
            return new Curve(s, t, l);
        }

        List<CurvePoint> points() {
            CurvePoint[] p = new CurvePoint[steps.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = new CurvePoint(steps[i], tokens[i], losses[i]);
            }
            return List.of(p);
        }
    }
}
