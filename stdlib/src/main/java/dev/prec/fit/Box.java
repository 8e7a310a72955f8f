package dev.prec.fit;

import java.util.Arrays;

/**
 * Simple bounds {@code lower[i] <= x[i] <= upper[i]}; infinite bounds mean none.
 *
 * @param lower lower bounds, length n, each {@code < +Infinity}
 * @param upper upper bounds, length n, each {@code >= lower[i]}
 */
public record Box(double[] lower, double[] upper) {
    public Box {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("bounds differ in length: " + lower.length + " vs " + upper.length);
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || !(upper[i] >= lower[i])
                    || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("bad bounds at " + i + ": [" + lower[i] + ", " + upper[i] + "]");
            }
        }
    }

    /** No bounds in {@code n} dimensions. */
    public static Box unbounded(int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Box(lo, hi);
    }

    /** Dimension. */
    public int dimension() {
        return lower.length;
    }

    /** Clamps {@code x} into the box, in place. */
    void project(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
    }

    /** Whether coordinate {@code i} sits on a bound that the gradient {@code g} pushes against. */
    boolean blocked(double[] x, double[] g, int i) {
        return (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
    }

    /** Largest component of the projected gradient: {@code |P(x - g) - x|} per coordinate. */
    double projectedGradientNorm(double[] x, double[] g) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
            m = Math.max(m, Math.abs(moved));
        }
        return m;
    }
}
