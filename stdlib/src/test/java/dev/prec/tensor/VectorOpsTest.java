package dev.prec.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VectorOpsTest {

    private static final int OFF = 3;
    private static FloatOps fast;
    private static final FloatOps REF = new ScalarOps();
    private static int[] sizes;

    @BeforeAll
    static void start() {
        assumeTrue(Vectorization.enabled(), "Vector API kernels unavailable: " + Vectorization.reason());
        fast = new VectorOps();
        int l = Lanes.LENGTH;
        sizes = new int[] {0, 1, l - 1, l, l + 1, 4 * l - 1, 4 * l + 3, 1000, 4099};
    }

    private static float[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n + 2 * OFF];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 4 - 2);
        }
        return x;
    }

    /** Bound on the difference of two float sums of n terms of total magnitude {@code magnitude}. */
    private static double tolerance(int n, double magnitude) {
        return 2.0 * (n + 1) * 0x1p-24 * magnitude + Float.MIN_NORMAL;
    }

    @Test
    void sumLanesAddsInLaneOrderSoTheResultCannotDependOnTheJit() {
        // Values whose float sum depends on the order of additions: 1e8 absorbs 1s added after it.
        float[] lanes = new float[Lanes.LENGTH];
        Arrays.fill(lanes, 1f);
        lanes[0] = 1e8f;
        float inOrder = 0f;
        for (float lane : lanes) {
            inOrder += lane;
        }
        for (int round = 0; round < 20_000; round++) { // long enough for C2 to compile sumLanes
            float got = VectorOps.sumLanes(jdk.incubator.vector.FloatVector.fromArray(Lanes.FLOAT, lanes, 0));
            assertEquals(Float.floatToIntBits(inOrder), Float.floatToIntBits(got), "round " + round);
        }
    }

    @Test
    void dotMatchesTheReferenceWithinRoundingScaledByLength() {
        for (int n : sizes) {
            float[] x = random(n, n);
            float[] y = random(n, n + 100);
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                magnitude += Math.abs((double) x[OFF + i] * y[OFF + i]);
            }
            float got = fast.dot(x, OFF, y, OFF, n);
            float want = REF.dot(x, OFF, y, OFF, n);
            assertEquals(want, got, tolerance(n, magnitude), "dot of length " + n);
        }
    }

    @Test
    void sumMatchesTheReferenceWithinRoundingScaledByLength() {
        for (int n : sizes) {
            float[] x = random(n, n + 7);
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                magnitude += Math.abs(x[OFF + i]);
            }
            assertEquals(REF.sum(x, OFF, n), fast.sum(x, OFF, n), tolerance(n, magnitude), "sum of length " + n);
        }
    }

    @Test
    void elementwiseKernelsEqualTheReferenceBitForBitAndTouchOnlyTheirSlice() {
        for (int n : sizes) {
            float[] x = random(n, 3 * n + 1);
            float[] y1 = random(n, 3 * n + 2);
            float[] y2 = y1.clone();
            fast.axpy(-0.37f, x, OFF, y1, OFF, n);
            REF.axpy(-0.37f, x, OFF, y2, OFF, n);
            assertArrayEquals(y2, y1, "axpy of length " + n);

            fast.scale(1.7f, y1, OFF, n);
            REF.scale(1.7f, y2, OFF, n);
            assertArrayEquals(y2, y1, "scale of length " + n);

            float[] o1 = new float[n + 2 * OFF];
            float[] o2 = new float[n + 2 * OFF];
            fast.add(o1, OFF, x, OFF, y1, OFF, n);
            REF.add(o2, OFF, x, OFF, y1, OFF, n);
            assertArrayEquals(o2, o1, "add of length " + n);
            for (int t = 0; t < OFF; t++) {
                assertEquals(0f, o1[t], "add wrote before its slice");
                assertEquals(0f, o1[o1.length - 1 - t], "add wrote after its slice");
            }
        }
    }

    @Test
    void maxEqualsTheReferenceAndFindsTheLargestAtEveryPosition() {
        for (int n : sizes) {
            float[] x = random(n, 5 * n);
            assertEquals(REF.max(x, OFF, n), fast.max(x, OFF, n), "max of length " + n);
            if (n > 0) {
                // plant the largest element at each edge in turn: first, last, a lane boundary
                for (int at : new int[] {0, n - 1, Math.min(n - 1, Lanes.LENGTH)}) {
                    float[] z = x.clone();
                    z[OFF + at] = 9f;
                    assertEquals(9f, fast.max(z, OFF, n), "max planted at " + at + " of " + n);
                }
            }
        }
    }

    @Test
    void nanPropagatesAndEmptySlicesGiveIdentities() {
        int n = 4 * Lanes.LENGTH + 3;
        float[] x = random(n, 1);
        x[OFF + n / 2] = Float.NaN;
        assertTrue(Float.isNaN(fast.max(x, OFF, n)));
        assertTrue(Float.isNaN(fast.sum(x, OFF, n)));
        assertTrue(Float.isNaN(fast.dot(x, OFF, x, OFF, n)));
        assertEquals(Float.NEGATIVE_INFINITY, fast.max(x, OFF, 0));
        assertEquals(0f, fast.sum(x, OFF, 0));
        float[] all = new float[n];
        Arrays.fill(all, -Float.MAX_VALUE);
        assertEquals(-Float.MAX_VALUE, fast.max(all, 0, n));
    }
}
