package dev.prec.optimize;

import dev.prec.model.TransformerConfig;
import dev.prec.train.TrainingSpec;

/**
 * The floating-point work of a training run as the trainer does it (not the scaling-law 6 N D, which
 * leaves out embeddings and attention and so badly underestimates tiny models): per trained token
 * 6 times all parameters (embedding and output head included: forward 2, backward 4) plus attention
 * scores and mixing, 12 L T d (forward QK^T and AV 4 L T d, times 3 with backward); per validated
 * token a third of that. Used only to scale a measured rate into a wall-time estimate.
 */
public final class TrainingWork {
    private TrainingWork() {
    }

    /**
     * @param spec the run
     * @return FLOPs of its training steps and validation passes, {@code > 0}
     */
    public static double flops(TrainingSpec spec) {
        TransformerConfig m = spec.model();
        double perToken = 6.0 * m.totalParams() + 12.0 * m.layers() * (double) m.context() * m.width();
        double trained = (double) spec.steps() * spec.tokensPerStep();
        long evaluations = spec.steps() / spec.evalEvery() + 1;
        double validated = (double) evaluations * spec.evalBatches() * spec.tokensPerStep();
        return perToken * (trained + validated / 3.0);
    }
}
