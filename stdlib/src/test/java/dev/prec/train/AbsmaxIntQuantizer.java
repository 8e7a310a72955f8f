package dev.prec.train;

import dev.prec.format.TensorQuantizer;

/**
 * Test-only symmetric integer fake quantizer with the paper's formula (SCIENCE.md section 1):
 * {@code s = max|x| / Q_p}, {@code q = clamp(round(x / s), -2^(b-1), Q_p)}, one scale per row or per
 * tensor; optionally stochastic rounding from a hash of (seed, tensor, step, element), so the
 * trainer's determinism can be tested with it before the formats package provides real quantizers.
 */
record AbsmaxIntQuantizer(int bits, boolean perRow, boolean stochastic) implements TensorQuantizer {

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int rows, int cols, RoundingKey key) {
        float qp = (1 << (bits - 1)) - 1;
        float qn = -(1 << (bits - 1));
        int groups = perRow ? rows : 1;
        int len = perRow ? cols : rows * cols;
        for (int g = 0; g < groups; g++) {
            float max = 0f;
            for (int i = 0; i < len; i++) {
                max = Math.max(max, Math.abs(src[srcOffset + g * len + i]));
            }
            float s = max == 0f ? 1f : max / qp;
            for (int i = 0; i < len; i++) {
                int idx = g * len + i;
                float x = src[srcOffset + idx] / s;
                float r = stochastic ? (float) Math.floor(x + uniform(key, idx)) : Math.round(x);
                dst[dstOffset + idx] = Math.max(qn, Math.min(qp, r)) * s;
            }
        }
    }

    private static double uniform(RoundingKey key, long element) {
        long z = key.seed() * 0x9E3779B97F4A7C15L + key.tensorId() * 0xBF58476D1CE4E5B9L + key.step() * 0x94D049BB133111EBL + element;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    @Override
    public boolean isIdentity() {
        return false;
    }
}
