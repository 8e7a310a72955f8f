package dev.prec.model;

import dev.prec.tensor.WorkPool;

/** Token embedding lookup: {@code out[n] = weight[tokens[n]]}. */
final class Embedding {

    private Embedding() {
    }

    /**
     * @param out (N, C)
     * @param tokens (N) ids in [0, V)
     * @param weight (V, C)
     */
    static void forward(float[] out, int outOff, int[] tokens, float[] weight, int wOff, Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(r.rows(), 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                System.arraycopy(weight, wOff + tokens[i] * c, out, outOff + i * c, c);
            }
        });
    }

    /**
     * Accumulates {@code dweight[tokens[n]] += dout[n]}. Rows repeat tokens, so work is split over
     * channel blocks and every block adds rows in order 0..N-1: deterministic for any thread count.
     *
     * @param dweight (V, C) accumulated
     * @param dout (N, C)
     * @param tokens (N)
     */
    static void backward(float[] dweight, int dwOff, float[] dout, int doutOff, int[] tokens, Rows r, WorkPool workers) {
        int c = r.width();
        workers.forEachRange(c, 16, (from, to) -> {
            for (int i = 0; i < r.rows(); i++) {
                int w = dwOff + tokens[i] * c;
                int d = doutOff + i * c;
                for (int j = from; j < to; j++) {
                    dweight[w + j] += dout[d + j];
                }
            }
        });
    }
}
