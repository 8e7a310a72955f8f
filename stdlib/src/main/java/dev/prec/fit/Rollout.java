package dev.prec.fit;

import dev.prec.law.Evaluation;
import dev.prec.law.Expr;
import dev.prec.law.Law;
import dev.prec.law.LawInstance;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rollout validation (docs/science.md section 4): hold out the runs with the largest model size
 * or compute, fit the rest, and report how well the fit extrapolates to the held-out runs.
 */
public final class Rollout {
    private Rollout() {
    }

    /**
     * @param law the law to fit
     * @param table all runs
     * @param options fit options
     * @param size the size measure over table columns, e.g. {@code Expr.variable("N")}, or
     *     {@code 6 * N * D} for compute
     * @param fraction share of the distinct size values to hold out, the largest ones; in (0, 1);
     *     at least one value is held out
     * @throws IllegalArgumentException if {@code fraction} is outside (0, 1) or nothing would be left to fit
     */
    public static RolloutResult holdOutLargest(Law law, RunTable table, FitOptions options, Expr size, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        double[] s = table.evaluate(size);
        double[] distinct = Arrays.stream(s).distinct().sorted().toArray();
        int k = Math.max(1, (int) Math.round(fraction * distinct.length));
        if (k >= distinct.length) {
            throw new IllegalArgumentException("holding out " + k + " of " + distinct.length + " size values leaves nothing to fit");
        }
        double threshold = distinct[distinct.length - k];
        String measure = size.print();
        RunTable train = table.where(Expr.constant(threshold).minus(size), measure + " < " + threshold);
        RunTable held = table.where(size.minus(Expr.constant(threshold)).plus(Expr.constant(Math.ulp(threshold))),
                measure + " >= " + threshold);
        FitResult fit = Fitter.fit(law, train, options);
        LawInstance inst = fit.instance();
        double[] observed = held.column(options.target());
        int outside = 0;
        double ss = 0;
        double maxRel = 0;
        for (int i = 0; i < held.rows(); i++) {
            Map<String, Double> point = new HashMap<>();
            for (String v : law.variables()) {
                point.put(v, held.columns().get(v)[i]);
            }
            if (inst.evaluate(point) instanceof Evaluation.Value val) {
                double r = Math.log(val.loss()) - Math.log(observed[i]);
                ss += r * r;
                maxRel = Math.max(maxRel, Math.abs(val.loss() / observed[i] - 1));
            } else {
                outside++;
            }
        }
        int scored = held.rows() - outside;
        return new RolloutResult(measure, threshold, fit, held.rows(), outside,
                scored == 0 ? Double.NaN : Math.sqrt(ss / scored), maxRel);
    }
}
