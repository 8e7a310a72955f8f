/**
 * Compute-optimal planning (Kumar et al. 2024, arXiv 2411.04330, section 3 of {@code docs/science.md}):
 * cost models ({@link dev.prec.optimize.CostModel}), the loss surface of any law over model size N,
 * tokens D and precision P ({@link dev.prec.optimize.LossSurface}), solvers for a budget with P fixed,
 * jointly, with N fixed or D fixed ({@link dev.prec.optimize.Solver}), closed forms where they exist
 * ({@link dev.prec.optimize.ClosedForms}), the critical data size of post-training quantization
 * ({@link dev.prec.optimize.CriticalData}), frontiers for plots ({@link dev.prec.optimize.Frontiers}),
 * predictions over grids ({@link dev.prec.optimize.Prediction}) and bootstrap intervals of optima
 * ({@link dev.prec.optimize.OptimumIntervals}).
 *
 * <p>Units throughout: N in parameters (non-embedding), D in training tokens, P in bits, cost in
 * FLOPs or bit-FLOPs as the cost model says, loss in nats per token.
 */
package dev.prec.optimize;
