package dev.prec.fit;

import dev.prec.law.Constraint;
import dev.prec.law.Parameter;
import java.util.List;

/**
 * The coordinates the optimiser works in: {@code theta = log(p)} for positive parameters, {@code p}
 * itself otherwise, with the box of the bounded ones.
 */
final class ParameterSpace {
    private final boolean[] logScale;
    private final Box box;

    ParameterSpace(List<Parameter> parameters) {
        int n = parameters.size();
        logScale = new boolean[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int k = 0; k < n; k++) {
            Constraint c = parameters.get(k).constraint();
            logScale[k] = c instanceof Constraint.Positive;
            lo[k] = c instanceof Constraint.Bounded b ? b.lo() : Double.NEGATIVE_INFINITY;
            hi[k] = c instanceof Constraint.Bounded b ? b.hi() : Double.POSITIVE_INFINITY;
        }
        box = new Box(lo, hi);
    }

    Box box() {
        return box;
    }

    int dimension() {
        return logScale.length;
    }

    boolean logScale(int k) {
        return logScale[k];
    }

    /** Natural parameter values from optimiser coordinates. */
    void toNatural(double[] theta, double[] out) {
        for (int k = 0; k < theta.length; k++) {
            out[k] = logScale[k] ? Math.exp(theta[k]) : theta[k];
        }
    }

    double[] toNatural(double[] theta) {
        double[] out = new double[theta.length];
        toNatural(theta, out);
        return out;
    }

    /** Optimiser coordinates from natural values. */
    double[] toTheta(double[] natural) {
        double[] out = new double[natural.length];
        for (int k = 0; k < natural.length; k++) {
            out[k] = logScale[k] ? Math.log(natural[k]) : natural[k];
        }
        return out;
    }

    /** Chain rule: gradient in theta from the gradient in natural values, in place (dp/dtheta = p). */
    void chain(double[] natural, double[] gradient) {
        for (int k = 0; k < natural.length; k++) {
            if (logScale[k]) {
                gradient[k] *= natural[k];
            }
        }
    }
}
