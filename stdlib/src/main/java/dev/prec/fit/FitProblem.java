package dev.prec.fit;

import dev.prec.law.CompiledLaw;
import dev.prec.law.Law;
import dev.prec.law.LawData;
import dev.prec.law.OutsideDomainException;

/**
 * A law bound to a table for fitting: compiled once, data-only nodes computed once, log of the
 * observed column and the weights ready. Immutable; shared by the threads of a fit and by every
 * bootstrap resample (which only changes weights).
 */
final class FitProblem {
    final Law law;
    final RunTable table;
    final FitOptions options;
    final CompiledLaw program;
    final LawData data;
    final ParameterSpace space;
    final double[] logObserved;
    final double[] weights;

    FitProblem(Law law, RunTable table, FitOptions options) {
        this.law = law;
        this.table = table;
        this.options = options;
        if (table.rows() == 0) {
            throw new IllegalArgumentException("no runs to fit");
        }
        table.requireColumnsFor(law, options.target());
        this.program = law.compile();
        double[][] cols = new double[law.variables().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = table.column(law.variables().get(j));
        }
        try {
            this.data = program.bind(cols);
        } catch (OutsideDomainException e) {
            throw new IllegalArgumentException(table.origins().get(e.row()) + ": " + e.getMessage(), e);
        }
        this.space = new ParameterSpace(law.parameters());
        double[] observed = table.column(options.target());
        this.logObserved = new double[observed.length];
        for (int i = 0; i < observed.length; i++) {
            if (!(observed[i] > 0) || !Double.isFinite(observed[i])) {
                throw new IllegalArgumentException(table.origins().get(i) + ": " + options.target() + " = "
                        + observed[i] + " must be finite and > 0 to fit in log space");
            }
            logObserved[i] = Math.log(observed[i]);
        }
        this.weights = options.weightColumn() == null ? ones(observed.length) : table.column(options.weightColumn());
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException(table.origins().get(i) + ": weight " + weights[i] + " must be finite and >= 0");
            }
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** A fresh objective (one thread's workspace) with the given row weights. */
    HuberLogObjective objective(double[] rowWeights) {
        return new HuberLogObjective(data.evaluator(), space, logObserved, rowWeights, options.huberDelta());
    }

    int rows() {
        return logObserved.length;
    }
}
