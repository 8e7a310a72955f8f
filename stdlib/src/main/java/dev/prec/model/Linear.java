package dev.prec.model;

import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;

/**
 * A linear layer without bias, {@code out = inp · weightᵀ}, on a {@link Matmul} (which parallelises
 * the products itself). Sizes: {@code m}
 * rows (B*T), {@code k = C} input channels, {@code n = OC} output channels.
 */
final class Linear {

    private Linear() {
    }

    /**
     * @param out (m, OC) overwritten
     * @param inp (m, C)
     * @param weight (OC, C)
     * @param s m = rows, n = OC, k = C
     */
    static void forward(Matmul mm, float[] out, int outOff, float[] inp, int inpOff, float[] weight, int wOff,
                        MatmulShape s) {
        mm.abT(out, outOff, inp, inpOff, weight, wOff, s, false);
    }

    /**
     * Accumulates {@code dinp += dout · weight} (differentiates {@code out = inp · weightᵀ} with
     * respect to {@code inp}) and {@code dweight += doutᵀ · inp}.
     *
     * @param dinp (m, C) accumulated
     * @param dweight (OC, C) accumulated
     * @param dout (m, OC)
     * @param inp (m, C) forward input (the quantized one when activations are quantized)
     * @param weight (OC, C) forward weight (the quantized one when weights are quantized)
     * @param s the forward shape
     */
    static void backward(Matmul mm, float[] dinp, int dinpOff, float[] dweight, int dwOff, float[] dout, int doutOff,
                         float[] inp, int inpOff, float[] weight, int wOff, MatmulShape s) {
        mm.ab(dinp, dinpOff, dout, doutOff, weight, wOff, new MatmulShape(s.m(), s.k(), s.n()), true);
        mm.aTb(dweight, dwOff, dout, doutOff, inp, inpOff, new MatmulShape(s.n(), s.k(), s.m()), true);
    }
}
