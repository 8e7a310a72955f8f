package dev.prec.model;

import dev.prec.tensor.Matmul;
import dev.prec.tensor.MatmulShape;

/**
 * A linear layer without bias, {@code out = inp · weightᵀ}, on a {@link Matmul}. Sizes: {@code m}
 * rows (B*T), {@code k = C} input channels, {@code n = OC} output channels.
 */
final class Linear {

    /** Rows per chunk when the product is split over threads; each row's result is independent. */
    private static final int ROW_GRAIN = 64;

    private Linear() {
    }

    /**
     * @param out (m, OC) overwritten
     * @param inp (m, C)
     * @param weight (OC, C)
     * @param s m = rows, n = OC, k = C
     */
    static void forward(Matmul mm, float[] out, int outOff, float[] inp, int inpOff, float[] weight, int wOff,
                        MatmulShape s, Workers workers) {
        workers.forRange(s.m(), ROW_GRAIN, (from, to) -> mm.abT(out, outOff + from * s.n(), inp,
                inpOff + from * s.k(), weight, wOff, new MatmulShape(to - from, s.n(), s.k()), false));
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
                         float[] inp, int inpOff, float[] weight, int wOff, MatmulShape s, Workers workers) {
        workers.forRange(s.m(), ROW_GRAIN, (from, to) -> mm.ab(dinp, dinpOff + from * s.k(), dout,
                doutOff + from * s.n(), weight, wOff, new MatmulShape(to - from, s.k(), s.n()), true));
        mm.aTb(dweight, dwOff, dout, doutOff, inp, inpOff, new MatmulShape(s.n(), s.k(), s.m()), true);
    }
}
