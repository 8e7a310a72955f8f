package dev.prec.fit;

import dev.prec.law.Constraint;
import dev.prec.law.Parameter;
import java.util.List;

/**
 * The coordinates the optimiser works in: {@code theta = log(p)} for positive parameters, {@code p}
 * itself otherwise, with the box of the bounded ones. A positive parameter's log is kept within
 * {@code [-LOG_LIMIT, LOG_LIMIT]}: a term the data do not need (an irreducible loss E far below the
 * losses seen) otherwise drifts until {@code exp(theta)} underflows to 0, a value that violates the
 * parameter's own constraint and breaks every later use of the fitted law.
 */
final class ParameterSpace {
    /** exp(+-690) = 1e+-300: positive and finite in double precision, with room for the law's arithmetic. */
    static final double LOG_LIMIT = 690;

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
            lo[k] = c instanceof Constraint.Bounded b ? b.lo() : logScale[k] ? -LOG_LIMIT : Double.NEGATIVE_INFINITY;
            hi[k] = c instanceof Constraint.Bounded b ? b.hi() : logScale[k] ? LOG_LIMIT : Double.POSITIVE_INFINITY;
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
