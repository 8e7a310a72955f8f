package dev.prec.model;

import dev.prec.tensor.WorkPool;

/**
 * The MLP nonlinearities. SwiGLU reads a (N, 2F) buffer whose first F channels of a row are the
 * gate and the next F the up projection: {@code out = silu(gate) * up}. GELU uses the tanh
 * approximation of Hendrycks and Gimpel (2016), as GPT-2 does.
 */
final class Activation {

    private static final float GELU_SCALE = (float) Math.sqrt(2.0 / Math.PI);

    private Activation() {
    }

    /**
     * @param out (N, F)
     * @param inp (N, 2F): gate then up
     */
    static void swigluForward(float[] out, int outOff, float[] inp, int inpOff, Rows r, WorkPool workers) {
        int f = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                Exponentials.swiglu(out, outOff + i * f, inp, inpOff + i * 2 * f, f);
            }
        });
    }

    /**
     * Accumulates {@code dinp}: from {@code out = z sigma(z) u}, {@code du += dout z sigma(z)} and
     * {@code dz += dout u sigma(z) (1 + z (1 - sigma(z)))}.
     *
     * @param dinp (N, 2F) accumulated
     * @param dout (N, F)
     * @param inp (N, 2F) forward input
     */
    static void swigluBackward(float[] dinp, int dinpOff, float[] dout, int doutOff, float[] inp, int inpOff,
                               Rows r, WorkPool workers) {
        int f = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                Exponentials.swigluBackward(dinp, dinpOff + i * 2 * f, dout, doutOff + i * f, inp, inpOff + i * 2 * f, f);
            }
        });
    }

    /**
     * {@code out = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}.
     *
     * @param out (N, F)
     * @param inp (N, F)
     */
    static void geluForward(float[] out, int outOff, float[] inp, int inpOff, Rows r, WorkPool workers) {
        int f = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from * f; i < to * f; i++) {
                float x = inp[inpOff + i];
                float th = (float) Math.tanh(GELU_SCALE * (x + 0.044715f * x * x * x));
                out[outOff + i] = 0.5f * x * (1f + th);
            }
        });
    }

    /**
     * Accumulates {@code dinp += dout * gelu'(x)}, the derivative of the forward expression.
     *
     * @param dinp (N, F) accumulated
     * @param dout (N, F)
     * @param inp (N, F) forward input
     */
    static void geluBackward(float[] dinp, int dinpOff, float[] dout, int doutOff, float[] inp, int inpOff,
                             Rows r, WorkPool workers) {
        int f = r.width();
        workers.forEachRange(r.rows(), 16, (from, to) -> {
            for (int i = from * f; i < to * f; i++) {
                float x = inp[inpOff + i];
                float u = GELU_SCALE * (x + 0.044715f * x * x * x);
                float th = (float) Math.tanh(u);
                float sech2 = 1f - th * th;
                float grad = 0.5f * (1f + th) + 0.5f * x * sech2 * GELU_SCALE * (1f + 3f * 0.044715f * x * x);
                dinp[dinpOff + i] += dout[doutOff + i] * grad;
            }
        });
    }
}
