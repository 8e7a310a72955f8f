package dev.prec.format;

/** The reference kernels: one element at a time through {@link Grid#round} and {@link Grid#roundStochastic}. */
final class ScalarPass extends Pass {

    ScalarPass(Operands operands, Plan plan) {
        super(operands, plan);
    }

    @Override
    float absmax(int start) {
        float max = 0f;
        int length = lengthAt(start);
        for (int i = 0; i < length; i++) {
            float a = Math.abs(src[srcBase + start + i]);
            // NaN fails both comparisons, infinity the first: neither sets the scale.
            if (a < Float.POSITIVE_INFINITY && a > max) {
                max = a;
            }
        }
        return max;
    }

    @Override
    void cast(int start, float unit) {
        float toGrid = 1f / unit;
        Grid grid = plan.grid();
        StochasticBits noise = plan.noise();
        int length = lengthAt(start);
        for (int i = 0; i < length; i++) {
            int index = start + i;
            float y = src[srcBase + index] * toGrid;
            float q = noise == null ? grid.round(y) : grid.roundStochastic(y, noise.at(index));
            dst[dstBase + index] = Float.isNaN(q) ? Float.NaN : q * unit;
        }
    }
}
