package dev.prec.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Central finite differences of a scalar objective with respect to float arrays, the oracle the
 * gradient tests compare analytic backward passes against.
 */
final class FiniteDifference {

    private FiniteDifference() {
    }

    /** Random floats in [-scale, scale). */
    static float[] random(Random r, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((2 * r.nextDouble() - 1) * scale);
        }
        return a;
    }

    /** {@code sum_i w[i] * out[i]} in double: an objective whose gradient with respect to out is w. */
    static double weightedSum(float[] out, float[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += (double) w[i] * out[i];
        }
        return s;
    }

    /**
     * Checks {@code analytic[i]} against {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for every i.
     *
     * @param name tensor name for failure messages
     * @param x the input perturbed in place (restored afterwards)
     * @param analytic the claimed gradient of f with respect to x
     * @param f the objective, re-evaluated from x
     * @param h step
     * @param tol allowed |analytic - numeric| / max(1e-3, |numeric| + |analytic|) ... absolute floor
     */
    static void check(String name, float[] x, float[] analytic, DoubleSupplier f, double h, double tol) {
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + h);
            double hi = f.getAsDouble();
            x[i] = (float) (saved - h);
            double lo = f.getAsDouble();
            x[i] = saved;
            // Divide by the step actually taken in float.
            double step = (double) (float) (saved + h) - (double) (float) (saved - h);
            double numeric = (hi - lo) / step;
            double err = Math.abs(numeric - analytic[i]);
            double scale = Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
            if (err / scale > tol) {
                fail(name + "[" + i + "]: analytic " + analytic[i] + " numeric " + numeric);
            }
        }
    }
}
