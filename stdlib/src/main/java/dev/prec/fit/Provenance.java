package dev.prec.fit;

import java.util.List;

/**
 * Everything needed to repeat a fit exactly: {@code Fitter.fit(law, table, options)} with these
 * gives the same result bit for bit (starts are independent, so the thread count does not matter).
 *
 * @param lawName the law's name
 * @param lawExpression the predicted value as printed
 * @param parameters the fitted parameters with their constraints, e.g. {@code alpha in [0, 2]}
 * @param table the rows fitted (immutable), with their origins and the history of filters
 * @param dataFingerprint SHA-256 of the table's columns
 * @param options target, weights, Huber delta, grid, optimiser settings, threads and seed
 * @param objective a description of the objective function
 * @param javaVersion the runtime that produced the fit
 */
public record Provenance(String lawName, String lawExpression, List<String> parameters, RunTable table,
                         String dataFingerprint, FitOptions options, String objective, String javaVersion) {
    public Provenance {
        parameters = List.copyOf(parameters);
    }
}
