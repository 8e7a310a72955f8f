package dev.prec.model;

import dev.prec.tensor.WorkPool;

/**
 * Root-mean-square normalisation with a gain and no bias (Zhang and Sennrich, 2019):
 * {@code out = inp * rstd * weight}, {@code rstd = 1 / sqrt(mean(inp^2) + EPS)} per row.
 */
final class RmsNorm {

    /** Added to the mean square before the square root; OLMo and LLaMA use 1e-5 or 1e-6. */
    static final float EPS = 1e-5f;

    private RmsNorm() {
    }

    /**
     * @param out (N, C) normalised rows
     * @param rstd (N) saved reciprocal root mean squares, for backward
     * @param inp (N, C) input rows
     * @param weight (C) gain
     */
    static void forward(float[] out, int outOff, float[] rstd, int rstdOff, float[] inp, int inpOff,
                        float[] weight, int wOff, Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int x = inpOff + i * c;
                float ss = 0f;
                for (int j = 0; j < c; j++) {
                    ss += inp[x + j] * inp[x + j];
                }
                float s = (float) (1.0 / Math.sqrt(ss / c + EPS));
                rstd[rstdOff + i] = s;
                int o = outOff + i * c;
                for (int j = 0; j < c; j++) {
                    out[o + j] = inp[x + j] * s * weight[wOff + j];
                }
            }
        });
    }

    /**
     * Accumulates gradients. With {@code g = weight * dout}:
     * {@code dinp += rstd * g - inp * rstd^3 * mean(g * inp)}; {@code dweight += dout * inp * rstd}.
     * The weight gradient sums over rows in row order in one pass per column block, so the result
     * does not depend on the thread count.
     *
     * @param dinp (N, C) accumulated
     * @param dweight (C) accumulated
     * @param dout (N, C)
     * @param inp (N, C) forward input
     * @param weight (C)
     * @param rstd (N) saved by forward
     */
    static void backward(float[] dinp, int dinpOff, float[] dweight, int dwOff, float[] dout, int doutOff,
                         float[] inp, int inpOff, float[] weight, int wOff, float[] rstd, int rstdOff,
                         Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                int x = inpOff + i * c;
                int d = doutOff + i * c;
                float s = rstd[rstdOff + i];
                float dot = 0f;
                for (int j = 0; j < c; j++) {
                    dot += weight[wOff + j] * dout[d + j] * inp[x + j];
                }
                float k = s * s * s * dot / c;
                int dx = dinpOff + i * c;
                for (int j = 0; j < c; j++) {
                    dinp[dx + j] += s * weight[wOff + j] * dout[d + j] - inp[x + j] * k;
                }
            }
        });
        workers.forEachRange(c, 64, (from, to) -> {
            for (int i = 0; i < r.rows(); i++) {
                int x = inpOff + i * c;
                int d = doutOff + i * c;
                float s = rstd[rstdOff + i];
                for (int j = from; j < to; j++) {
                    dweight[dwOff + j] += dout[d + j] * inp[x + j] * s;
                }
            }
        });
    }
}
