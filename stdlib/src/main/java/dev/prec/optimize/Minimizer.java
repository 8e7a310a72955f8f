package dev.prec.optimize;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Global-then-local minimisation of a function of one variable on an interval: a uniform grid
 * finds the basin (loss surfaces have one, but domain edges make NaN regions), then Brent's method
 * (Brent 1973, as in Commons Math) refines inside the two grid cells around the best grid point.
 * NaN counts as +infinity: an infeasible point is never a minimum.
 */
final class Minimizer {
    /** Grid points of the global scan. */
    static final int GRID = 97;
    /** Relative and absolute tolerances of Brent's method on the argument. */
    private static final double REL = 1e-12;
    private static final double ABS = 1e-14;

    private Minimizer() {
    }

    /**
     * @param x the minimising argument, NaN when no grid point is feasible
     * @param value the function there, +infinity when infeasible
     * @param atEdge whether the minimum lies on (one grid cell from) an end of the interval
     */
    record Result(double x, double value, boolean atEdge) {
    }

    /**
     * Minimises {@code f} on [lo, hi].
     *
     * @param f the function; NaN where infeasible
     * @param lo left end, finite
     * @param hi right end, finite, {@code >= lo}
     */
    static Result minimize(DoubleUnaryOperator f, double lo, double hi) {
        if (!(hi > lo)) {
            double v = finite(f.applyAsDouble(lo));
            return new Result(Double.isFinite(v) ? lo : Double.NaN, v, true);
        }
        DoubleUnaryOperator g = x -> finite(f.applyAsDouble(x));
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        double step = (hi - lo) / (GRID - 1);
        for (int i = 0; i < GRID; i++) {
            double v = g.applyAsDouble(at(lo, step, i, hi));
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        if (best < 0) {
            return new Result(Double.NaN, Double.POSITIVE_INFINITY, false);
        }
        double a = at(lo, step, Math.max(best - 1, 0), hi);
        double b = at(lo, step, Math.min(best + 1, GRID - 1), hi);
        double x0 = at(lo, step, best, hi);
        double x = x0;
        double value = bestValue;
        if (b > a) {
            UnivariatePointValuePair p = new BrentOptimizer(REL, ABS).optimize(new MaxEval(500), GoalType.MINIMIZE,
                    new UnivariateObjectiveFunction(g::applyAsDouble), new SearchInterval(a, b, x0));
            if (p.getValue() < value) {
                x = p.getPoint();
                value = p.getValue();
            }
        }
        boolean edge = x - lo <= step * 1e-6 || hi - x <= step * 1e-6;
        return new Result(x, value, edge);
    }

    private static double at(double lo, double step, int i, double hi) {
        return i == GRID - 1 ? hi : lo + step * i;
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
