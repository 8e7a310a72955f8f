package dev.prec.fit;

/** A smooth function to minimise, evaluated with its gradient in one call. */
@FunctionalInterface
public interface DifferentiableFunction {
    /**
     * Value and gradient at {@code x}.
     *
     * @param x the point, length n; not modified
     * @param gradient output of length n, written when the value is finite
     * @return the value, or {@code +Infinity} when {@code x} is outside the function's domain
     */
    double valueAndGradient(double[] x, double[] gradient);
}
