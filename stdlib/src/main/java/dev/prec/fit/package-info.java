/**
 * Fitting laws to runs, by the recipe of {@code docs/science.md} section 4: a Huber loss on log
 * residuals, positive parameters in log space, a bounded limited-memory quasi-Newton method from a
 * grid of starting points run in parallel, bootstrap intervals over runs, rollout validation,
 * R^2 and RMSE, identifiability warnings and a provenance record.
 *
 * <p>Entry points: {@link dev.prec.fit.RunTable} (columns of runs, read by
 * {@link dev.prec.fit.RunTableReader} from CSV or JSON), {@link dev.prec.fit.Fitter#fit} giving a
 * {@link dev.prec.fit.FitResult}, {@link dev.prec.fit.Bootstrap}, {@link dev.prec.fit.Rollout}.
 * The optimiser alone is {@link dev.prec.fit.BoundedLbfgs}.
 */
package dev.prec.fit;
