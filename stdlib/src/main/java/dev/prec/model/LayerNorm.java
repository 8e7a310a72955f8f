package dev.prec.model;

import dev.prec.tensor.WorkPool;

/**
 * Layer normalisation with a gain and no bias (Ba et al., 2016, without the shift, since the
 * architecture has no biases): {@code out = (inp - mean) * rstd * weight} per row.
 */
final class LayerNorm {

    /** Added to the variance before the square root (PyTorch's default). */
    static final float EPS = 1e-5f;

    private LayerNorm() {
    }

    /**
     * @param out (N, C)
     * @param mean (N) saved row means
     * @param rstd (N) saved reciprocal standard deviations
     * @param inp (N, C)
     * @param weight (C) gain
     */
    static void forward(float[] out, int outOff, float[] mean, int meanOff, float[] rstd, int rstdOff,
                        float[] inp, int inpOff, float[] weight, int wOff, Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int x = inpOff + i * c;
                float m = 0f;
                for (int j = 0; j < c; j++) {
                    m += inp[x + j];
                }
                m /= c;
                float v = 0f;
                for (int j = 0; j < c; j++) {
                    float e = inp[x + j] - m;
                    v += e * e;
                }
                float s = (float) (1.0 / Math.sqrt(v / c + EPS));
                mean[meanOff + i] = m;
                rstd[rstdOff + i] = s;
                int o = outOff + i * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] = (inp[x + j] - m) * s * weight[wOff + j];
                }
            }
        });
    }

    /**
     * Accumulates gradients (llm.c's layernorm_backward without the bias). With
     * {@code norm = (inp - mean) * rstd} and {@code g = weight * dout}:
     * {@code dinp += rstd * (g - mean(g) - norm * mean(g * norm))}; {@code dweight += dout * norm}.
     */
    static void backward(float[] dinp, int dinpOff, float[] dweight, int dwOff, float[] dout, int doutOff,
                         float[] inp, int inpOff, float[] weight, int wOff, float[] mean, int meanOff,
                         float[] rstd, int rstdOff, Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int x = inpOff + i * c;
                int d = doutOff + i * c;
                float m = mean[meanOff + i];
                float s = rstd[rstdOff + i];
                float gMean = 0f;
                float gNormMean = 0f;
                for (int j = 0; j < c; j++) {
                    float g = weight[wOff + j] * dout[d + j];
                    gMean += g;
                    gNormMean += g * (inp[x + j] - m) * s;
                }
                gMean /= c;
                gNormMean /= c;
                int dx = dinpOff + i * c;
                for (int j = 0; j < c; j++) {
                    float norm = (inp[x + j] - m) * s;
                    float g = weight[wOff + j] * dout[d + j];
                    dinp[dx + j] += s * (g - gMean - norm * gNormMean);
                }
            }
        });
        workers.forEachRange(c, 64, (from, to) -> {
            for (int i = 0; i < r.rows(); i++) {
                int x = inpOff + i * c;
                int d = doutOff + i * c;
                float m = mean[meanOff + i];
                float s = rstd[rstdOff + i];
                for (int j = from; j < to; j++) {
                    dweight[dwOff + j] += dout[d + j] * (inp[x + j] - m) * s;
                }
            }
        });
    }
}
