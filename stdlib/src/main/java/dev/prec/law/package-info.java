/**
 * Scaling laws as data: an immutable expression tree over named variables (N, D, P_w, ...) and
 * fitted parameters, exact derivatives, a compiled column-wise form for fast evaluation over a
 * whole run table, and the built-in laws of Kumar et al. (arXiv 2411.04330) and Chinchilla with
 * their published constants.
 *
 * <p>Entry points: {@link dev.prec.law.Expr} (build expressions), {@link dev.prec.law.Law} (a law:
 * variables, parameters with constraints, loss expression, domain conditions, published values),
 * {@link dev.prec.law.LawRegistry} (built-in laws by name), {@link dev.prec.law.CompiledLaw} (the
 * fast evaluator the fitter uses).
 *
 * <p>Domain: a law never answers with NaN or a non-positive loss; outside its domain evaluation
 * returns {@link dev.prec.law.Evaluation.OutsideDomain} with the reason.
 */
package dev.prec.law;
