package dev.prec.fit;

import dev.prec.law.ColumnEvaluator;
import dev.prec.law.Columns;

/**
 * The fitting objective of {@code docs/science.md} section 4:
 * {@code sum_i w_i * huber_delta(log(L_pred_i) - log(L_obs_i))} with
 * {@code huber_delta(r) = r^2 / 2} for {@code |r| <= delta}, {@code delta (|r| - delta / 2)} beyond
 * (as {@code scipy.special.huber}), in optimiser coordinates. One instance per thread.
 */
final class HuberLogObjective implements DifferentiableFunction {
    private final ColumnEvaluator evaluator;
    private final ParameterSpace space;
    private final double[] logObserved;
    private final double[] weights;
    private final double delta;
    private final double[] natural;
    private final double[] adjoint;
    private final double[] logPredicted;

    /**
     * @param logObserved log of the observed value per row
     * @param weights weight per row, {@code >= 0} (bootstrap counts multiply into them)
     * @param delta Huber threshold on log residuals, {@code > 0}
     */
    HuberLogObjective(ColumnEvaluator evaluator, ParameterSpace space, double[] logObserved, double[] weights, double delta) {
        this.evaluator = evaluator;
        this.space = space;
        this.logObserved = logObserved;
        this.weights = weights;
        this.delta = delta;
        this.natural = new double[space.dimension()];
        this.adjoint = new double[logObserved.length];
        this.logPredicted = new double[logObserved.length];
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        space.toNatural(theta, natural);
        if (evaluator.forward(natural) >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] pred = evaluator.predictions();
        Columns.log(logPredicted, pred);
        double sum = 0;
        for (int i = 0; i < pred.length; i++) {
            double r = logPredicted[i] - logObserved[i];
            double a = Math.abs(r);
            double w = weights[i];
            if (a <= delta) {
                sum += w * 0.5 * r * r;
                adjoint[i] = w * r / pred[i];
            } else {
                sum += w * delta * (a - 0.5 * delta);
                adjoint[i] = w * Math.copySign(delta, r) / pred[i];
            }
        }
        evaluator.backward(adjoint, gradient);
        space.chain(natural, gradient);
        return sum;
    }

    /** Value only (used by the finite-difference Hessian's callers and tests). */
    double value(double[] theta) {
        return valueAndGradient(theta, new double[theta.length]);
    }
}
