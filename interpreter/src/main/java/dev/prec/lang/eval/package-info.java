/**
 * The evaluator of checked .prec programs, and the planner that runs its engine-free part before
 * anything trains.
 *
 * <p>{@link dev.prec.lang.eval.Evaluator} walks statements, {@link dev.prec.lang.eval.ExprEvaluator}
 * expressions (one exhaustive {@code switch} over the sealed AST each), {@link
 * dev.prec.lang.eval.ActionRunner} hands actions to the engines. Runtime failures are {@link
 * dev.prec.lang.eval.ScriptError}s carrying the span to blame; the pipeline turns them into
 * diagnostics. {@link dev.prec.lang.eval.Session} holds the bindings that survive between
 * evaluations (REPL lines, embedding calls).
 */
package dev.prec.lang.eval;
