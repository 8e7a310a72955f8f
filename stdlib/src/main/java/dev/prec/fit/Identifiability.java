package dev.prec.fit;

import dev.prec.law.Constraint;
import dev.prec.law.Law;
import dev.prec.law.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Warnings that a fit may not determine its parameters (docs/science.md section 4): a size
 * variable spanning under one decade, a precision variable (name starting with {@code P}) with
 * fewer than 3 levels, a parameter on its bound, a near-singular Hessian of the objective.
 */
final class Identifiability {
    /** Condition number of the Hessian above which some direction is considered undetermined. */
    static final double MAX_CONDITION = 1e10;

    private Identifiability() {
    }

    static List<String> warnings(FitProblem problem, double[] theta) {
        List<String> out = new ArrayList<>();
        dataSpans(problem, out);
        bounds(problem.law, problem.space.toNatural(theta), out);
        if (problem.rows() > theta.length) {
            hessian(problem, theta, out);
        }
        return out;
    }

    private static void dataSpans(FitProblem problem, List<String> out) {
        for (String v : problem.law.variables()) {
            double[] c = problem.table.column(v);
            if (v.startsWith("P")) {
                long levels = Arrays.stream(c).distinct().count();
                if (levels < 3) {
                    out.add(v + " takes " + levels + " distinct value(s), fewer than 3: its precision parameters are not identifiable");
                }
            } else {
                double lo = Arrays.stream(c).min().orElse(0);
                double hi = Arrays.stream(c).max().orElse(0);
                if (lo > 0 && Math.log10(hi / lo) < 1) {
                    out.add(String.format("%s spans %.2f decades, under one: its exponent is poorly determined", v, Math.log10(hi / lo)));
                }
            }
        }
    }

    private static void bounds(Law law, double[] values, List<String> out) {
        for (int k = 0; k < values.length; k++) {
            Parameter p = law.parameters().get(k);
            if (p.constraint() instanceof Constraint.Bounded b) {
                double tol = 1e-6 * (b.hi() - b.lo());
                if (values[k] <= b.lo() + tol || values[k] >= b.hi() - tol) {
                    out.add(p.name() + " = " + values[k] + " is on its bound " + b.describe());
                }
            } else if (p.constraint() instanceof Constraint.Positive && (values[k] < 1e-12 || values[k] > 1e12)) {
                out.add(p.name() + " = " + values[k] + " drifted to an extreme: the law may not need this term");
            }
        }
    }

    /** Central differences of the exact gradient in optimiser coordinates, symmetrised. */
    static double[][] hessian(HuberLogObjective f, double[] theta) {
        int n = theta.length;
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1, Math.abs(theta[j]));
            double[] x = theta.clone();
            x[j] = theta[j] + step;
            double fp = f.valueAndGradient(x, gp);
            x[j] = theta[j] - step;
            double fm = f.valueAndGradient(x, gm);
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    private static void hessian(FitProblem problem, double[] theta, List<String> out) {
        double[][] h = hessian(problem.objective(problem.weights), theta);
        if (h == null) {
            out.add("the Hessian could not be computed: the optimum is at the edge of the law's domain");
            return;
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(h, false));
        double[] ev = eig.getRealEigenvalues();
        double max = Arrays.stream(ev).map(Math::abs).max().orElse(0);
        int worst = 0;
        for (int i = 1; i < ev.length; i++) {
            if (ev[i] < ev[worst]) {
                worst = i;
            }
        }
        if (max == 0 || ev[worst] <= max / MAX_CONDITION) {
            out.add(String.format("near-singular Hessian (smallest/largest eigenvalue %.2e): poorly determined direction %s",
                    max == 0 ? 0 : ev[worst] / max, direction(problem.law, eig.getEigenvector(worst))));
        }
    }

    private static String direction(Law law, RealVector v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.getDimension(); k++) {
            if (Math.abs(v.getEntry(k)) >= 0.3) {
                if (!sb.isEmpty()) {
                    sb.append(" + ");
                }
                String name = law.parameters().get(k).name();
                boolean log = law.parameters().get(k).constraint() instanceof Constraint.Positive;
                sb.append(String.format("%.2f*%s", v.getEntry(k), log ? "log(" + name + ")" : name));
            }
        }
        return sb.toString();
    }
}
