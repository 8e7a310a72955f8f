package dev.prec.data;

import java.util.OptionalDouble;

/**
 * A source of token sequences for training and evaluation, as the trainer consumes it.
 *
 * <p>Batches are a pure function of their index: the same dataset, step, batch size and context
 * always give the same tokens, whatever the thread count or the order in which batches are asked
 * for. That is what makes runs reproducible and resumable from a checkpoint.
 *
 * <p>Layout of a batch: {@code out} has {@code batch * (context + 1)} tokens, sequence {@code b}
 * at {@code out[b * (context + 1) .. (b + 1) * (context + 1))}; the model reads the first
 * {@code context} tokens of a sequence and predicts tokens 1..context.
 */
public interface Dataset {

    /** Number of distinct token ids; every token is in {@code [0, vocabSize())}. */
    int vocabSize();

    /**
     * Fills one training batch.
     *
     * @param step index of the batch, {@code step >= 0}; step s of a run always reads batch s
     * @param batch sequences per batch, {@code batch >= 1}
     * @param context tokens the model sees per sequence, {@code context >= 1}
     * @param out destination of length at least {@code batch * (context + 1)}
     */
    void trainBatch(long step, int batch, int context, int[] out);

    /**
     * Fills one batch of held-out validation data, disjoint from all training batches.
     *
     * @param index index of the validation batch, {@code 0 <= index}
     * @param batch sequences per batch, {@code batch >= 1}
     * @param context tokens the model sees per sequence, {@code context >= 1}
     * @param out destination of length at least {@code batch * (context + 1)}
     */
    void validationBatch(int index, int batch, int context, int[] out);

    /**
     * A stable content hash of everything that determines the data (source kind, parameters,
     * seed, file contents, tokenizer), used in run identities.
     */
    String fingerprint();

    /**
     * The exact entropy rate of the source in nats per token, when it is known (synthetic
     * sources); the floor no model can beat. Empty for real text.
     */
    OptionalDouble entropyRate();
}
