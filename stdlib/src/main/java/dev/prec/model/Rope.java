package dev.prec.model;

import dev.prec.tensor.WorkPool;

/**
 * Rotary position embedding (Su et al., RoFormer, arXiv 2104.09864) in the "rotate half" pairing of
 * GPT-NeoX, LLaMA and OLMo: within a head of dimension D, element {@code i < D/2} pairs with
 * {@code i + D/2}, rotated by angle {@code t * theta^(-2i/D)} at position t.
 */
final class Rope {

    /** cos of the angle, (T, D/2). */
    private final float[] cos;
    /** sin of the angle, (T, D/2). */
    private final float[] sin;
    private final int half;

    /**
     * @param context T, positions 0..T-1
     * @param headDim D, even
     * @param theta frequency base, {@code > 1}
     */
    Rope(int context, int headDim, double theta) {
        half = headDim / 2;
        cos = new float[context * half];
        sin = new float[context * half];
        for (int t = 0; t < context; t++) {
            for (int i = 0; i < half; i++) {
                // Angles in double then rounded once, as the PyTorch twin computes them.
                double freq = 1.0 / Math.pow(theta, (2.0 * i) / headDim);
                double angle = t * freq;
                cos[t * half + i] = (float) Math.cos(angle);
                sin[t * half + i] = (float) Math.sin(angle);
            }
        }
    }

    /**
     * Rotates in place the first {@code heads * D} channels of every row of {@code x} (a query or key
     * block inside the (B*T, 3C) qkv buffer).
     *
     * @param x rows of stride {@code rowStride}; row {@code b * T + t} holds position t
     * @param off index of the block's first channel in row 0
     * @param sign +1 forward, -1 for the inverse rotation (the backward pass: the rotation is
     *     orthogonal, so its gradient is the transposed rotation)
     */
    void rotate(float[] x, int off, int rowStride, AttentionShape a, int sign, WorkPool workers) {
        int t = a.context();
        int d = a.headDim();
        workers.forEachRange(a.batch() * t, 32, (from, to) -> {
            for (int row = from; row < to; row++) {
                int pos = row % t;
                int base = off + row * rowStride;
                for (int h = 0; h < a.heads(); h++) {
                    int p = base + h * d;
                    for (int i = 0; i < half; i++) {
                        float c = cos[pos * half + i];
                        float s = sign * sin[pos * half + i];
                        float x1 = x[p + i];
                        float x2 = x[p + i + half];
                        x[p + i] = x1 * c - x2 * s;
                        x[p + i + half] = x2 * c + x1 * s;
                    }
                }
            }
        });
    }
}
