package dev.prec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Vector API paths of {@link Exponentials} against their scalar references at tail-hitting sizes. */
class ExponentialsTest {

    static IntStream sizes() {
        int l = Exponentials.VECTOR ? Exponentials.Simd.LANES : 16;
        return IntStream.of(1, l - 1, l, l + 1, 4 * l + 3, 1000);
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void vectorSwigluMatchesScalarWithinFewUlps(int n) {
        assumeTrue(Exponentials.VECTOR, "Vector API disabled: " + dev.prec.tensor.Vectorization.reason());
        float[] inp = inputs(2 * n + 3, 8.0);
        float[] fast = new float[n + 1];
        float[] ref = new float[n + 1];
        Exponentials.Simd.swiglu(fast, 1, inp, 3, n);
        Exponentials.swigluScalar(ref, 1, inp, 3, n, 0);
        for (int j = 0; j <= n; j++) {
            assertEquals(ref[j], fast[j], 4 * Math.ulp(Math.abs(ref[j])) + 1e-30f, "swiglu[" + j + "]");
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void vectorSwigluBackwardMatchesScalarWithinFewUlps(int n) {
        assumeTrue(Exponentials.VECTOR, "Vector API disabled: " + dev.prec.tensor.Vectorization.reason());
        float[] inp = inputs(2 * n, 8.0);
        float[] dout = inputs(n, 1.0);
        float[] fast = inputs(2 * n, 1.0);
        float[] ref = fast.clone();
        Exponentials.Simd.swigluBackward(fast, 0, dout, 0, inp, 0, n);
        Exponentials.swigluBackwardScalar(ref, 0, dout, 0, inp, 0, n, 0);
        for (int j = 0; j < 2 * n; j++) {
            // Sums of two terms: allow the ulps of the larger operand.
            assertEquals(ref[j], fast[j], 1e-5f * (1 + Math.abs(ref[j])), "dswiglu[" + j + "]");
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sizes")
    void vectorExpShiftMatchesScalarAndItsSumAgreesWithinSizeScaledRounding(int n) {
        assumeTrue(Exponentials.VECTOR, "Vector API disabled: " + dev.prec.tensor.Vectorization.reason());
        float[] fast = inputs(n, 20.0);
        float[] ref = fast.clone();
        float sumFast = Exponentials.Simd.expShift(fast, 0, n, 3f);
        float sumRef = Exponentials.expShiftScalar(ref, 0, n, 3f);
        for (int j = 0; j < n; j++) {
            assertEquals(ref[j], fast[j], 4 * Math.ulp(ref[j]), "exp[" + j + "]");
        }
        assertEquals(sumRef, sumFast, n * 4 * Math.ulp(sumRef), "sum");
    }

    private static float[] inputs(int n, double scale) {
        Random r = new Random(n);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((2 * r.nextDouble() - 1) * scale);
        }
        return a;
    }

    @org.junit.jupiter.api.Test
    void vectorExpIsWithinOneUlpOfMathExpAndGivesTheSameBitsColdAndWarm() {
        assumeTrue(Exponentials.VECTOR, "Vector API disabled: " + dev.prec.tensor.Vectorization.reason());
        int lanes = Exponentials.Simd.LANES;
        jdk.incubator.vector.VectorSpecies<Float> species = jdk.incubator.vector.VectorSpecies.of(float.class,
                jdk.incubator.vector.VectorShape.forBitSize(32 * lanes));
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = -90f + 180f * i / (x.length - 1); // covers underflow, the normal range and clamping
        }
        x[0] = Float.NaN;
        x[1] = Float.NEGATIVE_INFINITY;
        x[2] = 0f;
        float[] cold = new float[x.length];
        for (int i = 0; i < x.length; i += lanes) {
            Exponentials.Simd.exp(jdk.incubator.vector.FloatVector.fromArray(species, x, i)).intoArray(cold, i);
        }
        assertEquals(Float.NaN, cold[0]);
        assertEquals(0f, cold[1]);
        assertEquals(1f, cold[2]);
        for (int i = 3; i < x.length; i++) {
            float want = (float) Math.exp(Math.min(x[i], 88f));
            if (x[i] < -87.33f) {
                want = 0f;
            }
            assertEquals(want, cold[i], Math.ulp(want) + Float.MIN_NORMAL, "exp(" + x[i] + ")");
        }
        float[] warm = new float[x.length];
        for (int round = 0; round < 400; round++) { // enough calls for C2 to compile the loop
            for (int i = 0; i < x.length; i += lanes) {
                Exponentials.Simd.exp(jdk.incubator.vector.FloatVector.fromArray(species, x, i)).intoArray(warm, i);
            }
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToIntBits(cold[i]), Float.floatToIntBits(warm[i]), "exp(" + x[i] + ") cold vs warm");
        }
    }
}
