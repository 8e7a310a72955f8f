package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every preset element format of 8 bits or fewer: the scalar reference equals the independent
 * nearest-value definition ({@link NearestOracle}), and the Vector API path equals the reference
 * bit for bit, on every boundary value and on 1,000,000 random floats.
 */
class ExhaustiveRoundingTest {

    private static final int RANDOM_SAMPLES = 1_000_000;

    static Stream<String> smallFormats() {
        return Formats.names().stream()
                .filter(n -> Formats.byName(n) instanceof ElementFormat f && f.bits() <= 8)
                .filter(n -> !n.equals("mxfp8") && !n.equals("mxfp6"));
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void referenceRoundsToTheNearestValueTiesToEvenOnBoundariesAndRandomFloats(String name) {
        ElementFormat format = (ElementFormat) Formats.byName(name);
        float[] inputs = inputs(format);
        float[] reference = new float[inputs.length];
        cast(format, false, inputs, reference);
        NearestOracle oracle = new NearestOracle(format);
        // Each index is checked independently; the two cores share the exhaustive searches.
        int firstMismatch = IntStream.range(0, inputs.length).parallel()
                .filter(i -> Float.floatToRawIntBits(oracle.round(inputs[i])) != Float.floatToRawIntBits(reference[i]))
                .min().orElse(-1);
        if (firstMismatch >= 0) {
            float x = inputs[firstMismatch];
            fail(name + ": input " + x + " (0x" + Integer.toHexString(Float.floatToRawIntBits(x)) + ") at index "
                    + firstMismatch + ": reference " + reference[firstMismatch] + ", nearest value " + oracle.round(x));
        }
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void vectorPathEqualsReferenceBitForBitOnBoundariesAndRandomFloats(String name) {
        assumeTrue(KernelChoice.enabled(), "the Vector API (jdk.incubator.vector) is not available");
        ElementFormat format = (ElementFormat) Formats.byName(name);
        float[] inputs = inputs(format);
        float[] reference = new float[inputs.length];
        float[] vector = new float[inputs.length];
        cast(format, false, inputs, reference);
        cast(format, true, inputs, vector);
        assertSameBits(name, inputs, reference, vector);
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void vectorStochasticRoundingEqualsReferenceBitForBit(String name) {
        assumeTrue(KernelChoice.enabled(), "the Vector API (jdk.incubator.vector) is not available");
        ElementFormat format = (ElementFormat) Formats.byName(name);
        float[] inputs = inputs(format);
        QuantSpec spec = new QuantSpec(format, Granularity.NONE, Rounding.STOCHASTIC, false);
        TensorQuantizer.RoundingKey key = new TensorQuantizer.RoundingKey(42, 7, 3);
        float[] reference = new float[inputs.length];
        float[] vector = new float[inputs.length];
        new FakeQuantizer(spec, false, 1).apply(inputs, 0, reference, 0, 1, inputs.length, key);
        new FakeQuantizer(spec, true, 1).apply(inputs, 0, vector, 0, 1, inputs.length, key);
        assertSameBits(name, inputs, reference, vector);
    }

    @ParameterizedTest
    @MethodSource("smallFormats")
    void stochasticRoundingLandsOnANeighbouringGridValue(String name) {
        ElementFormat format = (ElementFormat) Formats.byName(name);
        float[] inputs = FormatSamples.random(format, 100_000, 11);
        QuantSpec spec = new QuantSpec(format, Granularity.NONE, Rounding.STOCHASTIC, false);
        float[] out = new float[inputs.length];
        spec.referenceQuantizer().apply(inputs, 0, out, 0, 1, inputs.length, new TensorQuantizer.RoundingKey(1, 2, 3));
        float[] values = ValueTable.of(format).values();
        for (int i = 0; i < inputs.length; i++) {
            float x = inputs[i];
            if (!Float.isFinite(x)) {
                continue;
            }
            float clamped = Math.clamp(x, values[0], values[values.length - 1]);
            int above = ceilingIndex(values, clamped);
            float up = values[above];
            float down = up == clamped ? up : values[above - 1];
            float result = out[i];
            assertTrue(result == up || result == down,
                    () -> name + ": " + x + " rounded stochastically to " + result + ", not between " + down + " and " + up);
        }
    }

    /** Boundary values followed by the random samples. */
    private static float[] inputs(ElementFormat format) {
        float[] boundaries = FormatSamples.boundaries(format);
        float[] random = FormatSamples.random(format, RANDOM_SAMPLES, format.name().hashCode());
        float[] all = new float[boundaries.length + random.length];
        System.arraycopy(boundaries, 0, all, 0, boundaries.length);
        System.arraycopy(random, 0, all, boundaries.length, random.length);
        return all;
    }

    /** Unscaled cast of a (1, n) matrix with the reference or the vector pass. */
    private static void cast(ElementFormat format, boolean vector, float[] in, float[] out) {
        QuantSpec spec = new QuantSpec(format, Granularity.NONE, Rounding.NEAREST_EVEN, false);
        new FakeQuantizer(spec, vector, 1).apply(in, 0, out, 0, 1, in.length, TensorQuantizer.RoundingKey.NONE);
    }

    private static void assertSameBits(String name, float[] inputs, float[] expected, float[] actual) {
        for (int i = 0; i < inputs.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                        name + ": input " + inputs[i] + " at index " + i + ": reference " + expected[i] + ", vector " + actual[i]);
            }
        }
    }

    /** Index of the smallest table value >= v ({@code values} ascending, {@code v} within range). */
    private static int ceilingIndex(float[] values, float v) {
        int i = 0;
        while (values[i] < v) {
            i++;
        }
        return i;
    }
}
