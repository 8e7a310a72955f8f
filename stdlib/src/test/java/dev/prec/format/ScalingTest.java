package dev.prec.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Granularities pick the right absmax for every element, and zeros, NaNs, infinities and overflow
 * behave as the package documents. Expected values use {@link NearestOracle} on {@code x * (1 / s)}
 * with {@code s = absmax / gridMax} computed here from the group's elements.
 */
class ScalingTest {

    private static final TensorQuantizer.RoundingKey KEY = TensorQuantizer.RoundingKey.NONE;

    @Test
    void perTensorScalesEveryElementByTheMatrixAbsmax() {
        float[] x = gaussian(6 * 40, 1);
        x[17] = -9.5f; // the absmax
        assertMatchesOracle(QuantSpec.of(Formats.integer(4)), x, new Shape(6, 40), 6 * 40);
        assertMatchesOracle(QuantSpec.of(Formats.FP8_E4M3), x, new Shape(6, 40), 6 * 40);
    }

    @Test
    void perChannelAndPerTokenScaleEachRowByItsOwnAbsmax() {
        float[] x = gaussian(5 * 33, 2);
        for (int r = 0; r < 5; r++) {
            x[r * 33 + r] = (float) Math.pow(10, r - 2); // rows of very different magnitude
        }
        assertMatchesOracle(QuantSpec.of(Formats.integer(3)).withGranularity(Granularity.PER_CHANNEL), x, new Shape(5, 33), 33);
        assertMatchesOracle(QuantSpec.of(Formats.FP4_E2M1).withGranularity(Granularity.PER_TOKEN), x, new Shape(5, 33), 33);
    }

    @Test
    void perGroupScalesEachGroupAlongARowAndTheLastGroupMayBeShorter() {
        float[] x = gaussian(4 * 10, 3);
        QuantSpec spec = QuantSpec.of(Formats.integer(4)).withGranularity(Granularity.perGroup(4));
        assertMatchesOracle(spec, x, new Shape(4, 10), 4);
    }

    @Test
    void aMatrixOfZerosStaysZerosWithTheirSigns() {
        float[] x = {0f, -0f, 0f, -0f, -0f};
        for (String name : new String[] {"int8", "fp8_e4m3", "e2m0", "mxfp4", "nvfp4", "mxint8"}) {
            float[] out = new float[x.length];
            QuantSpec.of(Formats.byName(name)).quantizer().apply(x, 0, out, 0, 1, x.length, KEY);
            assertArrayEquals(bits(x), bits(out), name);
        }
    }

    @Test
    void nanStaysNanAndDoesNotChangeTheScaleOfTheOthers() {
        float[] clean = gaussian(64, 4);
        float[] dirty = clean.clone();
        dirty[5] = Float.NaN;
        dirty[40] = Float.intBitsToFloat(0xFFC01234); // a NaN with a payload comes out canonical
        for (String name : new String[] {"int8", "fp8_e5m2", "mxfp8", "nvfp4"}) {
            TensorQuantizer q = QuantSpec.of(Formats.byName(name)).quantizer();
            float[] expected = new float[64];
            float[] out = new float[64];
            q.apply(clean, 0, expected, 0, 2, 32, KEY);
            q.apply(dirty, 0, out, 0, 2, 32, KEY);
            expected[5] = Float.NaN;
            expected[40] = Float.NaN;
            assertArrayEquals(bits(expected), bits(out), name);
        }
    }

    @Test
    void infinitiesDoNotSetTheScaleAndSaturateWhereTheFormatHasNone() {
        float[] x = {1f, -0.5f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] out = new float[4];
        QuantSpec.of(Formats.integer(8)).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        float s = 1f / 127;
        assertEquals(127 * s, out[2]);
        assertEquals(-128 * s, out[3]); // the asymmetric end of the grid
        QuantSpec.of(Formats.FP8_E5M2).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        assertEquals(Float.POSITIVE_INFINITY, out[2]);
        assertEquals(Float.NEGATIVE_INFINITY, out[3]);
        QuantSpec.of(Formats.FP8_E4M3).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        assertEquals(448f * (1f / 448f), out[2], 1e-6f);
        assertEquals(1f, out[0], 1e-6f);
    }

    @Test
    void unscaledCastsSaturateOnOverflow() {
        float[] x = {1000f, -1e6f, 300f, -300f};
        float[] out = new float[4];
        new QuantSpec(Formats.FP8_E4M3, Granularity.NONE, Rounding.NEAREST_EVEN, false).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        assertArrayEquals(new float[] {448f, -448f, 288f, -288f}, out);
        new QuantSpec(Formats.integer(8), Granularity.NONE, Rounding.NEAREST_EVEN, false).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        assertArrayEquals(new float[] {127f, -128f, 127f, -128f}, out);
        new QuantSpec(Formats.FP16, Granularity.NONE, Rounding.NEAREST_EVEN, false).quantizer().apply(x, 0, out, 0, 1, 4, KEY);
        assertArrayEquals(new float[] {1000f, -65504f, 300f, -300f}, out);
    }

    @Test
    void clippedStraightThroughZeroesGradientsOnlyWhereTheForwardPassSaturated() {
        float[] x = {100f, 500f, -449f, Float.NaN, -3f};
        float[] grad = {1f, 1f, 1f, 1f, 1f};
        QuantSpec spec = new QuantSpec(Formats.FP8_E4M3, Granularity.NONE, Rounding.NEAREST_EVEN, false);
        spec.quantizer().straightThrough(x, grad, 0, 1, 5);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 1f}, grad); // the plain estimator is the identity
        spec.withClipGradient(true).quantizer().straightThrough(x, grad, 0, 1, 5);
        assertArrayEquals(new float[] {1f, 0f, 0f, 0f, 1f}, grad);
    }

    @Test
    void clippedStraightThroughFollowsMxBlocksWhosePowerOfTwoScaleClipsTheirLargestElement() {
        // absmax 7.5 = 1.875 * 2^2: the MX scale is 2^(2 - 2) = 1, so 7.5 saturates to fp4's 6 and
        // 6.5 too, while 5.9 is inside the range.
        float[] x = new float[32];
        x[0] = 7.5f;
        x[1] = 6.5f;
        x[2] = 5.9f;
        float[] grad = new float[32];
        java.util.Arrays.fill(grad, 1f);
        QuantSpec.of(Formats.byName("mxfp4")).withClipGradient(true).quantizer().straightThrough(x, grad, 0, 1, 32);
        assertEquals(0f, grad[0]);
        assertEquals(0f, grad[1]);
        assertEquals(1f, grad[2]);
        assertEquals(1f, grad[31]);
    }

    @Test
    void defaultSpecsScaleSmallFormatsAndCastWideFloats() {
        assertEquals(Granularity.PER_TENSOR, QuantSpec.of(Formats.integer(8)).granularity());
        assertEquals(Granularity.PER_TENSOR, QuantSpec.of(Formats.FP8_E4M3).granularity());
        assertEquals(Granularity.NONE, QuantSpec.of(Formats.BF16).granularity());
        assertEquals(Granularity.perGroup(16), QuantSpec.of(Formats.byName("nvfp4")).granularity());
        assertEquals(Rounding.NEAREST_EVEN, QuantSpec.of(Formats.integer(8)).rounding());
    }

    @Test
    void inPlaceAndOffsetCallsMatchAFreshBufferAndTouchNothingElse() {
        float[] x = gaussian(3 * 17, 5);
        TensorQuantizer q = QuantSpec.of(Formats.integer(5)).withGranularity(Granularity.perGroup(5)).quantizer();
        float[] expected = new float[x.length];
        q.apply(x, 0, expected, 0, 3, 17, KEY);
        float[] padded = new float[x.length + 7];
        System.arraycopy(x, 0, padded, 4, x.length);
        padded[0] = 42f;
        padded[padded.length - 1] = 43f;
        q.apply(padded, 4, padded, 4, 3, 17, KEY);
        assertEquals(42f, padded[0]);
        assertEquals(43f, padded[padded.length - 1]);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], padded[4 + i], "element " + i);
        }
    }

    @Test
    void fp32IsTheIdentityAndArgumentsAreChecked() {
        TensorQuantizer q = QuantSpec.of(Formats.FP32).quantizer();
        assertTrue(q.isIdentity());
        float[] x = gaussian(10, 6);
        float[] out = new float[10];
        q.apply(x, 0, out, 0, 2, 5, KEY);
        assertArrayEquals(x, out);
        TensorQuantizer int8 = QuantSpec.of(Formats.integer(8)).quantizer();
        assertThrows(IndexOutOfBoundsException.class, () -> int8.apply(x, 1, out, 0, 2, 5, KEY));
        assertThrows(IllegalArgumentException.class, () -> int8.apply(x, 0, out, 0, -1, 5, KEY));
        assertThrows(IllegalArgumentException.class,
                () -> QuantSpec.of(Formats.byName("mxfp4")).withGranularity(Granularity.PER_TENSOR));
    }

    /** Rows and columns of a test matrix. */
    private record Shape(int rows, int cols) {
    }

    /** Checks both quantizers of {@code spec} against the oracle with groups of {@code span} consecutive elements within rows. */
    private static void assertMatchesOracle(QuantSpec spec, float[] x, Shape shape, int span) {
        ElementFormat format = (ElementFormat) spec.format();
        NearestOracle oracle = new NearestOracle(format);
        float[] expected = new float[x.length];
        boolean whole = spec.granularity().kind() == Granularity.Kind.TENSOR;
        for (int first = 0; first < x.length; ) {
            int end = whole ? x.length : first + Math.min(span, shape.cols() - first % shape.cols());
            float absmax = 0f;
            for (int i = first; i < end; i++) {
                absmax = Math.max(absmax, Math.abs(x[i]));
            }
            float s = absmax / format.maxFinite();
            for (int i = first; i < end; i++) {
                expected[i] = oracle.round(x[i] * (1f / s)) * s;
            }
            first = end;
        }
        for (TensorQuantizer q : new TensorQuantizer[] {spec.referenceQuantizer(), spec.quantizer()}) {
            float[] out = new float[x.length];
            q.apply(x, 0, out, 0, shape.rows(), shape.cols(), KEY);
            assertArrayEquals(bits(expected), bits(out), spec.toString());
        }
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1 + (random.nextDouble() - 0.5));
        }
        return x;
    }

    static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }
}
