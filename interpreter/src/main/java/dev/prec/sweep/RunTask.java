package dev.prec.sweep;

import java.io.Serializable;

/**
 * What a sweep does with one run: train it. Serializable so cluster executors can ship it.
 *
 * <p>A task must be a pure function of its spec (and the checkpoint it resumes from): given the
 * same spec it produces the same result, resumed or not. It should write checkpoints now and then
 * and report each one with {@link RunContext#checkpointSaved}, and poll
 * {@link RunContext#cancelled()}, returning {@link RunOutcome.Stopped} soon after it turns true.
 */
@FunctionalInterface
public interface RunTask extends Serializable {

    /**
     * @param context the run's spec, resume point, checkpoint directory and callbacks
     * @return how the run ended
     * @throws Exception on any failure; the run is then marked failed with the exception's text
     *     (or released, if the sweep was being cancelled)
     */
    RunOutcome run(RunContext context) throws Exception;
}
