package dev.prec.fit;

/**
 * Extrapolation check: fit on the smaller runs, predict the held-out largest ones.
 *
 * @param heldOutBy the size measure, e.g. {@code N} or {@code 6 * N * D}
 * @param threshold rows with size {@code >= threshold} were held out
 * @param fit the fit on the remaining rows
 * @param heldOutRows number of rows held out
 * @param outsideDomain held-out rows where the fitted law is outside its domain (not scored)
 * @param rmse root mean square of log(predicted) - log(observed) over scored held-out rows
 * @param maxAbsRelativeError largest |predicted / observed - 1| over scored held-out rows
 */
public record RolloutResult(String heldOutBy, double threshold, FitResult fit, int heldOutRows, int outsideDomain,
                            double rmse, double maxAbsRelativeError) {
}
