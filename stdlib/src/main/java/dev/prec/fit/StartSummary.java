package dev.prec.fit;

/**
 * What the grid of starts did.
 *
 * @param starts starting points tried
 * @param converged starts whose optimisation met a convergence criterion
 * @param outsideDomain starts whose initial point was outside the law's domain
 * @param nearBest converged starts ending within a relative 1e-6 of the best objective (how
 *     often the best basin was found: 1 of 1024 is a warning sign)
 */
public record StartSummary(int starts, int converged, int outsideDomain, int nearBest) {
}
