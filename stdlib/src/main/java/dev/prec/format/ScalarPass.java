package dev.prec.format;

/** The reference kernels: one element at a time through {@link Grid#round} and {@link Grid#roundStochastic}. */
final class ScalarPass extends Pass {

    ScalarPass(Operands operands, Plan plan) {
        super(operands, plan);
    }

    @Override
    float absmax(Span span) {
        float max = 0f;
        for (int i = 0; i < span.length(); i++) {
            float a = Math.abs(src[srcBase + span.start() + i]);
            // NaN fails both comparisons, infinity the first: neither sets the scale.
            if (a < Float.POSITIVE_INFINITY && a > max) {
                max = a;
            }
        }
        return max;
    }

    @Override
    void cast(Span span, Scale scale) {
        Grid grid = plan.grid();
        StochasticBits noise = plan.noise();
        for (int i = 0; i < span.length(); i++) {
            int index = span.start() + i;
            float y = src[srcBase + index] * scale.toGrid();
            float q = noise == null ? grid.round(y) : grid.roundStochastic(y, noise.at(index));
            dst[dstBase + index] = Float.isNaN(q) ? Float.NaN : q * scale.fromGrid();
        }
    }
}
