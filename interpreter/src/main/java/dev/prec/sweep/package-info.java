/**
 * Sweeps: expanding axes into run specs, and executing runs against the run store.
 *
 * <p>{@link dev.prec.sweep.Sweep} is the cartesian product of {@link dev.prec.sweep.Axis} values
 * (lists, log-spaced ranges, seeded random draws, model {@link dev.prec.sweep.Family families})
 * filtered by a {@code where} predicate; each {@link dev.prec.sweep.Point} is resolved by the
 * caller into a {@link dev.prec.store.RunSpec}, whose key depends on the resolved spec only, so
 * adding an axis value leaves the other runs' keys, and their stored results, as they were.
 *
 * <p>{@link dev.prec.sweep.SweepExecutor} runs the pending specs with a {@link dev.prec.sweep.RunTask}
 * and reports {@link dev.prec.sweep.SweepEvent}s; {@link dev.prec.sweep.LocalExecutor} runs them
 * in this JVM (the cluster module implements the same interface on Spark); both leave the claim
 * protocol (plan, claim under a renewed lease, record, wait for other holders) to
 * {@link dev.prec.sweep.SweepDriver}. {@link dev.prec.sweep.ExecutorChoice} picks one by name
 * ({@code prec run --executor}). Runs already done are
 * skipped; failures are reported as they happen and kept; interrupted runs resume from their
 * last checkpoint.
 */
package dev.prec.sweep;
