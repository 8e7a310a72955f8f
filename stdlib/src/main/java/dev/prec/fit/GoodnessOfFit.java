package dev.prec.fit;

/**
 * Goodness of fit on log values, unweighted.
 *
 * @param r2 {@code 1 - sum (log pred - log obs)^2 / sum (log obs - mean log obs)^2}
 * @param rmse root mean square of {@code log pred - log obs} (about the relative error)
 * @param rows number of rows compared
 */
public record GoodnessOfFit(double r2, double rmse, int rows) {

    /**
     * @param predicted predictions, all {@code > 0}
     * @param observed observations, all {@code > 0}, same length
     */
    static GoodnessOfFit of(double[] predicted, double[] observed) {
        int n = observed.length;
        double mean = 0;
        for (double o : observed) {
            mean += Math.log(o);
        }
        mean /= n;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < n; i++) {
            double lo = Math.log(observed[i]);
            double r = Math.log(predicted[i]) - lo;
            ssRes += r * r;
            ssTot += (lo - mean) * (lo - mean);
        }
        return new GoodnessOfFit(ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN, Math.sqrt(ssRes / n), n);
    }
}
