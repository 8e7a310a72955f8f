package dev.prec.train;

import dev.prec.model.ParameterLayout;
import dev.prec.model.ParameterTensor;
import dev.prec.tensor.WorkPool;

/**
 * The AdamW update of {@code torch.optim.AdamW} (default, non-fused) over the flat parameter buffer,
 * with the moments in buffers of the same layout, and global-norm clipping as
 * {@code torch.nn.utils.clip_grad_norm_} computes it.
 */
final class AdamW {

    /** Elements per parallel chunk; fixed, so results do not depend on the thread count. */
    private static final int GRAIN = 4096;

    private final AdamWConfig cfg;
    private final ParameterLayout layout;
    private final WorkPool pool;
    /** First moments, same layout as the parameters. */
    final float[] m;
    /** Second moments, same layout as the parameters. */
    final float[] v;
    /** Per-chunk partial sums of squares, reduced in chunk order. */
    private final double[] partial;

    AdamW(AdamWConfig cfg, ParameterLayout layout, WorkPool pool) {
        this.cfg = cfg;
        this.layout = layout;
        this.pool = pool;
        this.m = new float[layout.size()];
        this.v = new float[layout.size()];
        this.partial = new double[(layout.size() + GRAIN - 1) / GRAIN];
    }

    /**
     * Scales {@code grads} so their global L2 norm is at most {@code clipNorm}, with PyTorch's
     * coefficient {@code min(1, clipNorm / (norm + 1e-6))}.
     *
     * @return the norm before clipping
     */
    double clip(float[] grads) {
        pool.forEachRange(grads.length, GRAIN, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += (double) grads[i] * grads[i];
            }
            partial[from / GRAIN] = s;
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        double norm = Math.sqrt(sum);
        double coef = cfg.clipNorm() / (norm + 1e-6);
        if (coef < 1.0) {
            float c = (float) coef;
            pool.forEachRange(grads.length, GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    grads[i] *= c;
                }
            });
        }
        return norm;
    }

    /**
     * One update: {@code p -= lr * wd * p} (decayed tensors only); {@code m = b1 m + (1 - b1) g};
     * {@code v = b2 v + (1 - b2) g^2}; {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
     *
     * @param params updated in place
     * @param grads gradients (already clipped)
     * @param step 0-based optimiser step; the bias corrections use {@code t = step + 1}
     * @param lr this step's learning rate
     */
    void update(float[] params, float[] grads, long step, double lr) {
        long t = step + 1;
        float b1 = (float) cfg.beta1();
        float b2 = (float) cfg.beta2();
        float stepSize = (float) (lr / (1 - Math.pow(cfg.beta1(), t)));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(cfg.beta2(), t));
        float eps = (float) cfg.eps();
        for (ParameterTensor tensor : layout.tensors()) {
            float decay = tensor.kind().decayed() ? (float) (1 - lr * cfg.weightDecay()) : 1f;
            int off = tensor.offset();
            pool.forEachRange(tensor.size(), GRAIN, (from, to) -> {
                for (int i = off + from; i < off + to; i++) {
                    float g = grads[i];
                    params[i] *= decay;
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    float denom = (float) Math.sqrt(v[i]) / bc2Sqrt + eps;
                    params[i] -= stepSize * m[i] / denom;
                }
            });
        }
    }
}
