package dev.prec.format;

import java.util.SplittableRandom;

/** Test inputs for a format: its boundary values and reproducible random floats spread over its range. */
final class FormatSamples {

    private FormatSamples() {
    }

    /**
     * Every value of the table, every midpoint between neighbours, the floats adjacent to both, and
     * the specials: +-0, NaN, +-Inf, max, overflow, the smallest subnormal and half of it, fp32's extremes.
     */
    static float[] boundaries(ElementFormat format) {
        float[] values = ValueTable.of(format).values();
        float max = values[values.length - 1];
        float minPositive = ValueTable.of(format).minPositive();
        FloatList out = new FloatList();
        for (int i = 0; i < values.length; i++) {
            addAround(out, values[i]);
            if (i + 1 < values.length) {
                addAround(out, (float) ((values[i] + (double) values[i + 1]) / 2)); // midpoints are exact floats
            }
        }
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            max * 1.5f, max * 2f, max * 1e6f, Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL,
            minPositive / 2, minPositive / 4, minPositive * 0.75f, minPositive * 1.5f};
        for (float s : specials) {
            addAround(out, s);
            addAround(out, -s);
        }
        return out.toArray();
    }

    /**
     * {@code count} random floats: a third uniform over {@code [-1.25 max, 1.25 max]}, a third
     * log-uniform in magnitude from a quarter of the smallest subnormal to 4 times the max, a third
     * with uniformly random bit patterns (NaNs, infinities and fp32 subnormals included).
     */
    static float[] random(ElementFormat format, int count, long seed) {
        ValueTable table = ValueTable.of(format);
        double max = table.maxValue();
        double logLow = Math.log(table.minPositive() / 4.0);
        double logHigh = Math.log(max * 4);
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (i % 3) {
                case 0 -> (float) ((random.nextDouble() * 2 - 1) * 1.25 * max);
                case 1 -> (float) (Math.exp(logLow + random.nextDouble() * (logHigh - logLow))
                        * (random.nextBoolean() ? 1 : -1));
                default -> Float.intBitsToFloat(random.nextInt());
            };
        }
        return out;
    }

    private static void addAround(FloatList out, float v) {
        out.add(v);
        if (!Float.isNaN(v)) {
            out.add(Math.nextUp(v));
            out.add(Math.nextDown(v));
        }
    }

    /** A growable float array. */
    static final class FloatList {
        private float[] data = new float[64];
        private int size;

        void add(float v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
