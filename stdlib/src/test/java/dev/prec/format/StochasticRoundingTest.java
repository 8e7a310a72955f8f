package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Stochastic rounding is unbiased and a pure function of (key, element index). */
class StochasticRoundingTest {

    private static final int SAMPLES = 4_000_000;

    @Test
    void meanOfManyRoundingsIsTheInputWithinAThousandthOfTheStep() {
        // (format, input, grid step around the input): integers, minifloat normals, minifloat subnormals.
        assertUnbiased(Formats.integer(8), 2.3f, 1f);
        assertUnbiased(Formats.integer(4), -5.71f, 1f);
        assertUnbiased(Formats.FP8_E4M3, 1.03f, 0.125f);
        assertUnbiased(Formats.FP8_E4M3, -0.003f, 0x1p-9f);
        assertUnbiased(Formats.FP8_E5M2, 700.5f, 128f);
        assertUnbiased(Formats.FP4_E2M1, 4.9f, 2f);
        assertUnbiased(Formats.BF16, 1.00123f, 0x1p-7f);
    }

    @Test
    void resultsAreBitIdenticalWithOneTwoAndEightThreads() {
        float[] x = ScalingTest.gaussian(300 * 1000, 9);
        TensorQuantizer.RoundingKey key = new TensorQuantizer.RoundingKey(2024, 5, 17);
        for (QuantSpec spec : new QuantSpec[] {
            QuantSpec.of(Formats.integer(4)).withRounding(Rounding.STOCHASTIC),
            QuantSpec.of(Formats.FP8_E4M3).withGranularity(Granularity.perGroup(64)).withRounding(Rounding.STOCHASTIC),
            QuantSpec.of(Formats.byName("nvfp4")).withRounding(Rounding.STOCHASTIC),
        }) {
            float[] one = new float[x.length];
            spec.quantizer(1).apply(x, 0, one, 0, 300, 1000, key);
            for (int threads : new int[] {2, 8}) {
                float[] many = new float[x.length];
                spec.quantizer(threads).apply(x, 0, many, 0, 300, 1000, key);
                assertArrayEquals(ScalingTest.bits(one), ScalingTest.bits(many), spec + " with " + threads + " threads");
            }
        }
    }

    @Test
    void differentKeysDrawDifferentRoundings() {
        float[] x = ScalingTest.gaussian(4096, 10);
        QuantSpec spec = QuantSpec.of(Formats.integer(3)).withRounding(Rounding.STOCHASTIC);
        float[] a = new float[x.length];
        float[] b = new float[x.length];
        spec.quantizer().apply(x, 0, a, 0, 1, x.length, new TensorQuantizer.RoundingKey(1, 0, 0));
        spec.quantizer().apply(x, 0, b, 0, 1, x.length, new TensorQuantizer.RoundingKey(1, 0, 1));
        assertNotEquals(Arrays.hashCode(a), Arrays.hashCode(b));
    }

    private static void assertUnbiased(ElementFormat format, float value, float step) {
        float[] x = new float[SAMPLES];
        Arrays.fill(x, value);
        float[] out = new float[SAMPLES];
        new QuantSpec(format, Granularity.NONE, Rounding.STOCHASTIC, false).quantizer()
                .apply(x, 0, out, 0, 1, SAMPLES, new TensorQuantizer.RoundingKey(99, 3, 1));
        double sum = 0;
        for (float v : out) {
            sum += v;
        }
        double error = Math.abs(sum / SAMPLES - value) / step;
        assertTrue(error < 1e-3, format.name() + " at " + value + ": mean error " + error + " of a step");
    }
}
