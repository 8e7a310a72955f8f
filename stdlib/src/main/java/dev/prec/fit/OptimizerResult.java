package dev.prec.fit;

/**
 * The outcome of one optimisation.
 *
 * @param x the best point found (inside the box), length n
 * @param value the function value at {@code x}; {@code +Infinity} if the start was outside the domain
 * @param projectedGradientNorm largest component of the projected gradient at {@code x}
 * @param iterations quasi-Newton iterations taken
 * @param evaluations function-and-gradient evaluations made
 * @param reason why it stopped
 */
public record OptimizerResult(double[] x, double value, double projectedGradientNorm, int iterations,
                              int evaluations, StopReason reason) {
    public OptimizerResult {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }
}
