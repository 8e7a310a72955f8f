package dev.prec.optimize;

import dev.prec.fit.RunTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data for the paper's planning plots, as tables (a plot engine draws them): the optimal precision
 * against the budget, against tokens per parameter at fixed N, and iso-loss contours in (N, P).
 */
public final class Frontiers {
    /** Columns of the optimum tables, in order. */
    public static final List<String> OPTIMUM_COLUMNS = List.of("budget", "N", "D", "P", "loss", "D_per_N");

    private Frontiers() {
    }

    /**
     * The joint optimum at each budget.
     *
     * @param solver the solver (law, cost model, search space)
     * @param budgets budgets in the cost model's unit, each {@code > 0}
     * @return one row per budget with columns {@link #OPTIMUM_COLUMNS}
     * @throws IllegalArgumentException if a budget is not positive or has no feasible optimum
     */
    public static RunTable precisionByBudget(Solver solver, double[] budgets) {
        Optimum[] rows = new Optimum[budgets.length];
        for (int i = 0; i < budgets.length; i++) {
            rows[i] = solver.joint(budgets[i]);
        }
        return table("P* against budget (" + solver.cost().describe() + ")", budgets, rows);
    }

    /**
     * The best precision for a fixed model size as the budget (so D / N) grows: over-trained models
     * want more bits.
     *
     * @param solver the solver
     * @param params N, {@code > 0}
     * @param budgets budgets, each {@code > 0}
     * @return one row per budget with columns {@link #OPTIMUM_COLUMNS}
     * @throws IllegalArgumentException if an argument is not positive or a budget has no feasible optimum
     */
    public static RunTable precisionByTokensPerParam(Solver solver, double params, double[] budgets) {
        Optimum[] rows = new Optimum[budgets.length];
        for (int i = 0; i < budgets.length; i++) {
            rows[i] = solver.fixedParams(params, budgets[i]);
        }
        return table("P* against D/N at N = " + params, budgets, rows);
    }

    private static RunTable table(String source, double[] budgets, Optimum[] rows) {
        int n = rows.length;
        double[][] cols = new double[OPTIMUM_COLUMNS.size()][n];
        for (int i = 0; i < n; i++) {
            Point p = rows[i].point();
            double[] row = {budgets[i], p.params(), p.tokens(), p.bits(), rows[i].loss(), p.tokensPerParam()};
            for (int c = 0; c < row.length; c++) {
                cols[c][i] = row[c];
            }
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < cols.length; c++) {
            m.put(OPTIMUM_COLUMNS.get(c), cols[c]);
        }
        return RunTable.of(source, m);
    }

    /**
     * Iso-loss contours in (N, P) at fixed D: for each loss level and precision, the N at which the
     * law predicts that loss (the loss falls with N, so the root is unique; found by bisection in log N).
     *
     * @param surface the law
     * @param tokens D, {@code > 0}
     * @param levels loss levels in nats per token
     * @param bits precisions in bits, each {@code > 0}
     * @param space the N range searched
     * @return columns {@code level}, {@code P}, {@code N}; N is NaN where the level is not reached
     *     inside the range (below the law's floor at that P and D, or above its value at the smallest N)
     */
    public static RunTable isoLoss(LossSurface surface, double tokens, double[] levels, double[] bits, SearchSpace space) {
        int n = levels.length * bits.length;
        double[] level = new double[n];
        double[] p = new double[n];
        double[] params = new double[n];
        int row = 0;
        for (double l : levels) {
            for (double b : bits) {
                level[row] = l;
                p[row] = b;
                params[row] = paramsAtLoss(surface, tokens, b, l, space);
                row++;
            }
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("level", level);
        m.put("P", p);
        m.put("N", params);
        return RunTable.of("iso-loss contours in (N, P) at D = " + tokens, m);
    }

    private static double paramsAtLoss(LossSurface s, double tokens, double bits, double level, SearchSpace space) {
        double lo = Math.log(space.minParams());
        double hi = Math.log(space.maxParams());
        double fLo = s.loss(new Point(Math.exp(lo), tokens, bits)) - level;
        double fHi = s.loss(new Point(Math.exp(hi), tokens, bits)) - level;
        if (!(fLo >= 0) || !(fHi <= 0)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            if (s.loss(new Point(Math.exp(mid), tokens, bits)) > level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }
}
