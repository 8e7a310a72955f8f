package dev.prec.train;

import dev.prec.model.Quantization;
import dev.prec.model.TransformerConfig;
import java.nio.file.Path;

/**
 * Everything that determines a training run besides the data: with the same spec, dataset and thread
 * count, {@link Trainer#run} gives a bit-identical loss curve.
 *
 * @param model the architecture
 * @param quantization where the forward pass fake-quantizes
 * @param optimizer AdamW settings
 * @param schedule learning-rate schedule
 * @param batch sequences per step B, {@code >= 1}
 * @param tokenBudget D, training tokens; the run takes {@code max(1, D / (B * T))} steps (integer division)
 * @param seed seeds initialisation and stochastic rounding
 * @param evalEvery steps between validation evaluations, {@code >= 1}; validation also runs after the last step
 * @param evalBatches validation batches per evaluation, {@code >= 1}
 * @param threads worker threads, {@code >= 1}
 * @param divergenceFactor a training loss above {@code divergenceFactor} times the step-0 loss, or a
 *     non-finite loss, stops the run as diverged; {@code > 1}
 * @param averageFraction fraction of the final steps over which the weights are averaged uniformly
 *     (tail averaging), in [0, 1); 0 for none
 * @param checkpointDir where to write {@code checkpoint.safetensors}, or null for none
 * @param checkpointEvery steps between checkpoints, {@code >= 1}
 */
public record TrainingSpec(TransformerConfig model, Quantization quantization, AdamWConfig optimizer, Schedule schedule,
                           int batch, long tokenBudget, long seed, int evalEvery, int evalBatches, int threads,
                           double divergenceFactor, double averageFraction, Path checkpointDir, int checkpointEvery) {

    /** @throws IllegalArgumentException if a value is outside its range above or a required field is null */
    public TrainingSpec {
        if (model == null || quantization == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("model, quantization, optimizer and schedule are required");
        }
        if (batch < 1 || tokenBudget < 1 || evalEvery < 1 || evalBatches < 1 || threads < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("batch, tokenBudget, evalEvery, evalBatches, threads, checkpointEvery must be >= 1");
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergenceFactor must be > 1, got " + divergenceFactor);
        }
        if (!(averageFraction >= 0 && averageFraction < 1)) {
            throw new IllegalArgumentException("averageFraction must be in [0, 1), got " + averageFraction);
        }
    }

    /**
     * A spec with the paper's optimiser and schedule, no quantization, validation every 100 steps on
     * 4 batches, one thread, divergence at 3x the initial loss, no averaging, no checkpoints.
     *
     * @param model the architecture
     * @param peakLr peak learning rate, {@code > 0}
     * @param batch sequences per step, {@code >= 1}
     * @param tokenBudget training tokens, {@code >= 1}
     */
    public static TrainingSpec of(TransformerConfig model, double peakLr, int batch, long tokenBudget) {
        return new TrainingSpec(model, Quantization.NONE, AdamWConfig.paper(peakLr), Schedule.paper(), batch,
                tokenBudget, 1, 100, 4, 1, 3.0, 0.0, null, 1000);
    }

    /** Optimiser steps: {@code max(1, tokenBudget / (batch * context))}. */
    public long steps() {
        return Math.max(1, tokenBudget / ((long) batch * model.context()));
    }

    /** Tokens per step, {@code B * T}. */
    public long tokensPerStep() {
        return (long) batch * model.context();
    }

    /** This spec with other quantization points. */
    public TrainingSpec withQuantization(Quantization q) {
        return new TrainingSpec(model, q, optimizer, schedule, batch, tokenBudget, seed, evalEvery, evalBatches, threads,
                divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec with other AdamW settings. */
    public TrainingSpec withOptimizer(AdamWConfig o) {
        return new TrainingSpec(model, quantization, o, schedule, batch, tokenBudget, seed, evalEvery, evalBatches, threads,
                divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec with another learning-rate schedule. */
    public TrainingSpec withSchedule(Schedule s) {
        return new TrainingSpec(model, quantization, optimizer, s, batch, tokenBudget, seed, evalEvery, evalBatches, threads,
                divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec with another seed (initialisation and stochastic rounding). */
    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, s, evalEvery, evalBatches,
                threads, divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec on {@code n} threads, {@code n >= 1}; the result does not depend on it. */
    public TrainingSpec withThreads(int n) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, seed, evalEvery, evalBatches,
                n, divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** With validation every {@code every} steps on {@code batches} batches. */
    public TrainingSpec withEvaluation(int every, int batches) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, seed, every, batches,
                threads, divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec with another divergence threshold, a multiple of the step-0 loss, {@code > 1}. */
    public TrainingSpec withDivergenceFactor(double f) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, seed, evalEvery, evalBatches,
                threads, f, averageFraction, checkpointDir, checkpointEvery);
    }

    /** This spec averaging the weights over the last fraction {@code f} of steps, {@code 0 <= f < 1}. */
    public TrainingSpec withAverageFraction(double f) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, seed, evalEvery, evalBatches,
                threads, divergenceFactor, f, checkpointDir, checkpointEvery);
    }

    /** With checkpoints every {@code every} steps into {@code dir}. */
    public TrainingSpec withCheckpoints(Path dir, int every) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, tokenBudget, seed, evalEvery, evalBatches,
                threads, divergenceFactor, averageFraction, dir, every);
    }

    /** This spec with another token budget D, {@code >= 1} tokens. */
    public TrainingSpec withTokenBudget(long d) {
        return new TrainingSpec(model, quantization, optimizer, schedule, batch, d, seed, evalEvery, evalBatches,
                threads, divergenceFactor, averageFraction, checkpointDir, checkpointEvery);
    }
}
