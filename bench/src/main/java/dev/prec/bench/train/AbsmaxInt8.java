package dev.prec.bench.train;

import dev.prec.format.TensorQuantizer;

/**
 * Symmetric absmax int8 fake quantization with round-to-nearest, one scale per row or per tensor,
 * the formula of SCIENCE.md section 1; the same arithmetic the PyTorch twin's {@code fq} does, so the
 * two peers pay for the same work. Used until the formats package's quantizers are on main.
 */
record AbsmaxInt8(boolean perRow) implements TensorQuantizer {

    private static final float QP = 127f;

    @Override
    public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int rows, int cols, RoundingKey key) {
        int groups = perRow ? rows : 1;
        int len = perRow ? cols : rows * cols;
        for (int g = 0; g < groups; g++) {
            int base = g * len;
            float max = 0f;
            for (int i = 0; i < len; i++) {
                max = Math.max(max, Math.abs(src[srcOffset + base + i]));
            }
            float s = max == 0f ? 1f : max / QP;
            float inv = 1f / s;
            for (int i = 0; i < len; i++) {
                float q = Math.round(src[srcOffset + base + i] * inv);
                dst[dstOffset + base + i] = Math.max(-128f, Math.min(QP, q)) * s;
            }
        }
    }

    @Override
    public boolean isIdentity() {
        return false;
    }
}
