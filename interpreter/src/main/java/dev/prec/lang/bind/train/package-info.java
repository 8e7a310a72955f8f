/**
 * The language's {@code train} action bound to the trainer and the sweep executor:
 * {@link dev.prec.lang.bind.train.SweepTrainEngine} resolves every point of a sweep into a run
 * spec ({@link dev.prec.lang.bind.train.ResolvedRun}), executes the runs with
 * {@link dev.prec.sweep.LocalExecutor} on the script's run store, and returns one row per run with
 * the law variables {@code N}, {@code D}, {@code P_w}, {@code P_a}, {@code P_kv} beside the
 * results. Registered with {@link java.util.ServiceLoader}.
 */
package dev.prec.lang.bind.train;
