package dev.prec.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VectorMatmulTest {

    /** The three products by name, so failures say which one broke. */
    enum Kind { AB_T, AB, A_T_B }

    private static final float SENTINEL = -12345.5f;
    private static final int PAD = 7;

    private static WorkPool pool2;
    private static int lanes;

    @BeforeAll
    static void start() {
        assumeTrue(Vectorization.enabled(), "Vector API kernels unavailable: " + Vectorization.reason());
        lanes = Lanes.LENGTH;
        pool2 = new WorkPool(2);
    }

    @AfterAll
    static void stop() {
        if (pool2 != null) {
            pool2.close();
        }
    }

    /** Sizes that hit every edge: 1, lanes-1, lanes, lanes+1, 4*lanes+3, and one beyond a tile/KC block. */
    private static int[] sizes(int large) {
        return new int[] {1, lanes - 1, lanes, lanes + 1, 4 * lanes + 3, large};
    }

    @Test
    void everyShapeAndModeMatchesTheScalarReferenceWithinRoundingScaledByK() {
        Matmul fast = new VectorMatmul(pool2);
        Matmul ref = new ScalarMatmul();
        SplittableRandom rnd = new SplittableRandom(11);
        // large m spans three row tiles, large n three column tiles, large k two reduction blocks
        int largeM = VectorMatmul.TILE_GROUPS * VectorMatmul.MR * 2 + 5;
        int largeN = VectorMatmul.TILE_PANELS * VectorMatmul.NR * 2 + 3;
        int largeK = VectorMatmul.KC + 37;
        for (int m : sizes(largeM)) {
            for (int n : sizes(largeN)) {
                for (int k : sizes(largeK)) {
                    for (Kind kind : Kind.values()) {
                        for (boolean acc : new boolean[] {false, true}) {
                            checkAgainstReference(fast, ref, new Case(kind, new MatmulShape(m, n, k), acc), rnd);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyElementIsOneFmaChainInReductionOrderSoTheResultIsExactlyPredictable() {
        Matmul fast = new VectorMatmul(pool2);
        SplittableRandom rnd = new SplittableRandom(5);
        // m = COPY_STRIDE and twice it: aTb copies A with a padded stride; 256 rows read A in place
        int copy = VectorMatmul.COPY_STRIDE;
        int[][] shapes = {{1, 1, 1}, {7, 33, 300}, {200, 70, 19}, {13, lanes + 1, VectorMatmul.KC * 2 + 1},
            {256, 40, 300}, {copy, 5, 3}, {2 * copy, 3, VectorMatmul.KC + 9}};
        for (int[] sh : shapes) {
            for (Kind kind : Kind.values()) {
                for (boolean acc : new boolean[] {false, true}) {
                    Case c = new Case(kind, new MatmulShape(sh[0], sh[1], sh[2]), acc);
                    Operands x = Operands.random(c, rnd);
                    float[] got = x.out.clone();
                    c.run(fast, got, x);
                    float[] want = fmaChain(c, x);
                    assertArrayEquals(want, got, c + ": differs from the fma-chain oracle");
                }
            }
        }
    }

    @Test
    void resultsAreBitIdenticalOnOneTwoAndThreeThreads() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (Kind kind : Kind.values()) {
            Case c = new Case(kind, new MatmulShape(517, 301, 290), true);
            Operands x = Operands.random(c, rnd);
            float[] first = null;
            for (int threads = 1; threads <= 3; threads++) {
                try (WorkPool pool = new WorkPool(threads)) {
                    float[] out = x.out.clone();
                    c.run(new VectorMatmul(pool), out, x);
                    if (first == null) {
                        first = out;
                    } else {
                        assertArrayEquals(first, out, c + " on " + threads + " threads differs from 1 thread");
                    }
                }
            }
        }
    }

    @Test
    void emptyReductionZeroesOrKeepsTheOutput() {
        Matmul fast = new VectorMatmul(pool2);
        float[] out = {1f, 2f, 3f, 4f, 5f, 6f};
        fast.abT(out, 0, new float[0], 0, new float[0], 0, new MatmulShape(2, 3, 0), true);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, out);
        fast.aTb(out, 0, new float[0], 0, new float[0], 0, new MatmulShape(2, 3, 0), false);
        assertArrayEquals(new float[6], out);
    }

    @Test
    void tooShortArraysAreRejectedBeforeAnyWrite() {
        Matmul fast = new VectorMatmul(pool2);
        float[] out = new float[12];
        assertThrows(IndexOutOfBoundsException.class,
                () -> fast.ab(out, 0, new float[11], 0, new float[12], 0, new MatmulShape(3, 4, 4), false));
        assertThrows(IndexOutOfBoundsException.class,
                () -> fast.ab(out, 1, new float[12], 0, new float[16], 0, new MatmulShape(3, 4, 4), false));
    }

    /** One product to check: which kind, its sizes, and whether it accumulates. */
    record Case(Kind kind, MatmulShape shape, boolean accumulate) {
        void run(Matmul mm, float[] out, Operands x) {
            switch (kind) {
                case AB_T -> mm.abT(out, PAD, x.a, PAD, x.b, PAD, shape, accumulate);
                case AB -> mm.ab(out, PAD, x.a, PAD, x.b, PAD, shape, accumulate);
                case A_T_B -> mm.aTb(out, PAD, x.a, PAD, x.b, PAD, shape, accumulate);
            }
        }

        /** Index in {@code a} (after PAD) of A's element (i, p). */
        int aIndex(int i, int p) {
            return PAD + (kind == Kind.A_T_B ? p * shape.m() + i : i * shape.k() + p);
        }

        /** Index in {@code b} (after PAD) of B's element (p, j). */
        int bIndex(int p, int j) {
            return PAD + (kind == Kind.AB_T ? j * shape.k() + p : p * shape.n() + j);
        }
    }

    /** Random operands padded by sentinels on both sides, to catch writes and reads out of range. */
    record Operands(float[] out, float[] a, float[] b) {
        static Operands random(Case c, SplittableRandom rnd) {
            MatmulShape s = c.shape();
            return new Operands(padded(s.m() * s.n(), rnd), padded(s.m() * s.k(), rnd), padded(s.k() * s.n(), rnd));
        }

        private static float[] padded(int size, SplittableRandom rnd) {
            float[] x = new float[size + 2 * PAD];
            java.util.Arrays.fill(x, SENTINEL);
            for (int i = 0; i < size; i++) {
                x[PAD + i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            return x;
        }
    }

    private static void checkAgainstReference(Matmul fast, Matmul ref, Case c, SplittableRandom rnd) {
        Operands x = Operands.random(c, rnd);
        float[] got = x.out.clone();
        float[] want = x.out.clone();
        c.run(fast, got, x);
        c.run(ref, want, x);
        MatmulShape s = c.shape();
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                double magnitude = c.accumulate() ? Math.abs(x.out[PAD + i * s.n() + j]) : 0;
                for (int p = 0; p < s.k(); p++) {
                    magnitude += Math.abs((double) x.a[c.aIndex(i, p)] * x.b[c.bIndex(p, j)]);
                }
                // each of the two float sums is within (k+1) * 2^-24 * magnitude of the exact value
                double tolerance = 2.0 * (s.k() + 1) * 0x1p-24 * magnitude + Float.MIN_NORMAL;
                int at = PAD + i * s.n() + j;
                if (Math.abs(got[at] - want[at]) > tolerance) {
                    fail(c + ": out(" + i + ", " + j + ") = " + got[at] + ", reference " + want[at]
                            + ", tolerance " + tolerance);
                }
            }
        }
        for (int t = 0; t < PAD; t++) {
            assertEquals(SENTINEL, got[t], c + ": wrote before the output");
            assertEquals(SENTINEL, got[got.length - 1 - t], c + ": wrote after the output");
        }
    }

    /** The claimed evaluation order, spelled out with Math.fma. */
    private static float[] fmaChain(Case c, Operands x) {
        MatmulShape s = c.shape();
        float[] out = x.out.clone();
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                int at = PAD + i * s.n() + j;
                float acc = c.accumulate() ? out[at] : 0f;
                for (int p = 0; p < s.k(); p++) {
                    acc = Math.fma(x.a[c.aIndex(i, p)], x.b[c.bIndex(p, j)], acc);
                }
                out[at] = acc;
            }
        }
        return out;
    }
}
