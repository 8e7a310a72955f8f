package dev.prec.model;

import dev.prec.tensor.WorkPool;

/** Softmax cross-entropy of logits against next tokens, in nats, averaged over the N positions. */
final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * Turns logits into probabilities in place and returns the mean loss
     * {@code -(1/N) sum_n log softmax(logits_n)[targets_n]}. Per-row losses are summed in row order in
     * double, so the result does not depend on the thread count.
     *
     * @param losses (N) per-position losses, written
     * @param logits (N, V) logits in, probabilities out
     * @param targets (N) ids in [0, V)
     * @return the mean loss in nats per token; NaN or infinite when the logits are
     */
    static double forward(float[] losses, int lossOff, float[] logits, int logitsOff, int[] targets, Rows r,
                          WorkPool workers) {
        int v = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int row = logitsOff + i * v;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < v; j++) {
                    max = Math.max(max, logits[row + j]);
                }
                float zTarget = logits[row + targets[i]] - max;
                float sum = Exponentials.expShift(logits, row, v, max);
                float inv = 1f / sum;
                for (int j = 0; j < v; j++) {
                    logits[row + j] *= inv;
                }
                // -log p_target = log(sum) - (z_target - max); taking the log of the normalised
                // probability instead would give +inf for targets whose probability underflows.
                losses[lossOff + i] = (float) (Math.log(sum) - zTarget);
            }
        });
        double total = 0;
        for (int i = 0; i < r.rows(); i++) {
            total += losses[lossOff + i];
        }
        return total / r.rows();
    }

    /**
     * Accumulates {@code dlogits += (probs - onehot(target)) / N}, the gradient of the mean loss.
     *
     * @param dlogits (N, V) accumulated
     * @param probs (N, V) from forward
     * @param targets (N)
     */
    static void backward(float[] dlogits, int dOff, float[] probs, int probsOff, int[] targets, Rows r,
                         WorkPool workers) {
        int v = r.width();
        float scale = 1f / r.rows();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int row = probsOff + i * v;
                int d = dOff + i * v;
                for (int j = 0; j < v; j++) {
                    dlogits[d + j] += probs[row + j] * scale;
                }
                dlogits[d + targets[i]] -= scale;
            }
        });
    }
}
