package dev.prec.fit;

/**
 * Minimises a smooth function subject to simple bounds with a projected limited-memory BFGS
 * method: the two-metric projection idea of Bertsekas (1982, "Projected Newton methods for
 * optimization problems with simple constraints", SIAM J. Control Optim. 20(2)) with the L-BFGS
 * two-loop recursion of Nocedal (1980) as the metric on the free variables.
 *
 * <p>Each iteration: variables on a bound that the gradient pushes against are held (the active
 * set); the L-BFGS direction is computed and zeroed on them; if it is not a descent direction
 * the memory is dropped and the projected steepest descent is used; a backtracking Armijo search
 * (sufficient decrease 1e-4, quadratic interpolation) runs along the projected path
 * {@code P(x + t d)}; the correction pair is stored only when its curvature {@code s'y} is
 * positive. This is simpler than Byrd, Lu, Nocedal and Zhu's L-BFGS-B (generalised Cauchy point
 * and subspace minimisation): on the laws here most parameters are positive and fitted in log
 * space, so bounds are active rarely, and the acceptance test compares it with SciPy's L-BFGS-B
 * from the same starts.
 *
 * <p>Stopping: projected gradient's largest component {@code <= gradientTolerance}, a relative
 * decrease {@code <= relativeTolerance}, or the iteration limit. Points where the function returns
 * {@code +Infinity} (outside its domain) are rejected by the line search like any increase.
 */
public final class BoundedLbfgs {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 40;

    private BoundedLbfgs() {
    }

    /**
     * Minimises {@code f} inside {@code box} from {@code start}.
     *
     * @param f the function and its gradient
     * @param start the starting point, length {@code box.dimension()}; projected into the box first
     * @param box the bounds
     * @param settings memory, iteration limit and tolerances
     * @return the best point found and why the search stopped
     * @throws IllegalArgumentException if {@code start.length != box.dimension()}
     */
    public static OptimizerResult minimize(DifferentiableFunction f, double[] start, Box box, OptimizerSettings settings) {
        int n = box.dimension();
        if (start.length != n) {
            throw new IllegalArgumentException("start has " + start.length + " coordinates, the box " + n);
        }
        double[] x = start.clone();
        box.project(x);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evals = 1;
        if (!(fx < Double.POSITIVE_INFINITY)) {
            return new OptimizerResult(x, Double.POSITIVE_INFINITY, Double.NaN, 0, evals, StopReason.START_OUTSIDE_DOMAIN);
        }
        Memory mem = new Memory(settings.memory(), n);
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        boolean steepest = false;
        for (int iter = 0; iter < settings.maxIterations(); iter++) {
            double pg = box.projectedGradientNorm(x, g);
            if (pg <= settings.gradientTolerance()) {
                return new OptimizerResult(x, fx, pg, iter, evals, StopReason.GRADIENT_TOLERANCE);
            }
            direction(mem, box, x, g, d, steepest);
            double t = mem.size() == 0 ? Math.min(1.0, 1.0 / norm2(d)) : 1.0;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < MAX_BACKTRACKS && !accepted; k++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + t * d[i];
                }
                box.project(xn);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xn[i] - x[i]);
                }
                if (decrease == 0) {
                    break;
                }
                fn = f.valueAndGradient(xn, gn);
                evals++;
                if (fn <= fx + ARMIJO * decrease) {
                    accepted = true;
                } else {
                    t = backtrack(t, fx, fn, decrease);
                }
            }
            if (!accepted) {
                if (steepest || mem.size() == 0) {
                    return new OptimizerResult(x, fx, pg, iter, evals, StopReason.LINE_SEARCH_FAILED);
                }
                mem.clear();
                steepest = true;
                continue;
            }
            steepest = false;
            mem.push(x, xn, g, gn);
            double previous = fx;
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (previous - fx <= settings.relativeTolerance() * Math.abs(previous)) {
                return new OptimizerResult(x, fx, box.projectedGradientNorm(x, g), iter + 1, evals, StopReason.RELATIVE_REDUCTION);
            }
        }
        return new OptimizerResult(x, fx, box.projectedGradientNorm(x, g), settings.maxIterations(), evals, StopReason.MAX_ITERATIONS);
    }

    /** Next trial step: the minimiser of the quadratic through f(0), f'(0) and f(t), kept in [0.1t, 0.5t]. */
    private static double backtrack(double t, double f0, double ft, double decrease) {
        if (!Double.isFinite(ft)) {
            return 0.1 * t;
        }
        double slope = decrease / t;
        double q = -slope * t * t / (2 * (ft - f0 - slope * t));
        return Math.min(0.5 * t, Math.max(0.1 * t, q));
    }

    /** d = -H g on the free variables, zero on the blocked ones; steepest descent if not a descent direction. */
    private static void direction(Memory mem, Box box, double[] x, double[] g, double[] d, boolean steepest) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            d[i] = box.blocked(x, g, i) ? 0 : g[i];
        }
        if (!steepest) {
            mem.applyInverseHessian(d);
        }
        double slope = 0;
        for (int i = 0; i < n; i++) {
            if (box.blocked(x, g, i)) {
                d[i] = 0;
            }
            d[i] = -d[i];
            slope += d[i] * g[i];
        }
        if (!(slope < 0)) {
            mem.clear();
            for (int i = 0; i < n; i++) {
                d[i] = box.blocked(x, g, i) ? 0 : -g[i];
            }
        }
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** The last {@code m} correction pairs {@code s = x_{k+1} - x_k}, {@code y = g_{k+1} - g_k}, as a ring. */
    private static final class Memory {
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private int size;
        private int head;

        Memory(int m, int n) {
            s = new double[m][n];
            y = new double[m][n];
            rho = new double[m];
            alpha = new double[m];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
            head = 0;
        }

        void push(double[] x, double[] xn, double[] g, double[] gn) {
            int m = s.length;
            double[] si = s[head];
            double[] yi = y[head];
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < x.length; i++) {
                si[i] = xn[i] - x[i];
                yi[i] = gn[i] - g[i];
                sy += si[i] * yi[i];
                yy += yi[i] * yi[i];
            }
            // Keep H positive definite: store only pairs of clearly positive curvature.
            if (!(sy > 1e-12 * yy) || !(yy > 0)) {
                return;
            }
            rho[head] = 1 / sy;
            head = (head + 1) % m;
            size = Math.min(size + 1, m);
        }

        /** q <- H q by the two-loop recursion (Nocedal and Wright, Algorithm 7.4), H0 = (s'y / y'y) I. */
        void applyInverseHessian(double[] q) {
            int m = s.length;
            if (size == 0) {
                return;
            }
            for (int k = 0; k < size; k++) {
                int j = Math.floorMod(head - 1 - k, m);
                alpha[j] = rho[j] * dot(s[j], q);
                axpy(-alpha[j], y[j], q);
            }
            int last = Math.floorMod(head - 1, m);
            double gamma = 1 / (rho[last] * dot(y[last], y[last]));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
            for (int k = size - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, m);
                double beta = rho[j] * dot(y[j], q);
                axpy(alpha[j] - beta, s[j], q);
            }
        }

        private static double dot(double[] a, double[] b) {
            double r = 0;
            for (int i = 0; i < a.length; i++) {
                r += a[i] * b[i];
            }
            return r;
        }

        private static void axpy(double a, double[] xv, double[] yv) {
            for (int i = 0; i < yv.length; i++) {
                yv[i] += a * xv[i];
            }
        }
    }
}
