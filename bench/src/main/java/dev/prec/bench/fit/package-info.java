/**
 * The fitting benchmark of BENCHMARKS.md section 2: prec's fitter against SciPy's L-BFGS-B
 * ({@code peers/scipy_fit.py}) on the same objective, data and starting grid, alternated, medians.
 */
package dev.prec.bench.fit;
