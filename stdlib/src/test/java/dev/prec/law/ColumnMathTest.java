package dev.prec.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column exp and log: the vector path gives exactly the bits of the scalar reference at every
 * size and JIT tier (a fit's result must not depend on how warm the JVM is), and both are within
 * about an ulp of {@link Math#exp} and {@link Math#log} over the arguments a fit produces.
 */
class ColumnMathTest {

    private static int lanes() {
        return ColumnMath.VECTOR ? ColumnMath.Simd.LANES : 4;
    }

    /** 0 and the sizes where the vector body and the scalar tail meet, then a large column. */
    static IntStream sizes() {
        int l = lanes();
        return IntStream.of(0, 1, l - 1, l, l + 1, 2 * l - 1, 2 * l, 4 * l + 3, 4099).filter(n -> n >= 0).distinct();
    }

    private static double[] expArguments(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = i % 2 == 0 ? r.nextDouble(-700, 700) : r.nextDouble(-40, 40);
        }
        double[] special = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.78, 709.8,
            -744, -746, 1e-300, -1e-17};
        for (int i = 0; i < Math.min(n, special.length); i++) {
            in[(i * 7) % n] = special[i];
        }
        return in;
    }

    private static double[] logArguments(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = i % 2 == 0 ? r.nextDouble(0.5, 2) : Math.exp(r.nextDouble(-700, 700));
        }
        double[] special = {-1, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, 3e-310, Double.MAX_VALUE, 1.0, Math.nextUp(1.0), Math.nextDown(1.0), Math.sqrt(2)};
        for (int i = 0; i < Math.min(n, special.length); i++) {
            in[(i * 7) % n] = special[i];
        }
        return in;
    }

    /** Equal bits, every NaN counted as one value (a NaN's payload carries nothing a fit reads). */
    private static void assertBitsEqual(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void theColumnExpAndLogEqualTheScalarReferenceBitForBit(int n) {
        double[] expIn = expArguments(n, n);
        double[] logIn = logArguments(n, n + 7);
        double[] expOut = new double[n];
        double[] logOut = new double[n];
        ColumnMath.exp(expOut, expIn, n);
        ColumnMath.log(logOut, logIn, n);
        for (int i = 0; i < n; i++) {
            assertBitsEqual(ColumnMath.exp(expIn[i]), expOut[i], "exp(" + expIn[i] + ") at " + i + " of " + n);
            assertBitsEqual(ColumnMath.log(logIn[i]), logOut[i], "log(" + logIn[i] + ") at " + i + " of " + n);
        }
    }

    /** The driver takes the scalar path below two vectors; the vector kernels are called directly here at every size. */
    @ParameterizedTest
    @MethodSource("sizes")
    void theVectorKernelsEqualTheScalarReferenceBitForBitIncludingTheirTails(int n) {
        Assumptions.assumeTrue(ColumnMath.VECTOR, "the Vector API is off: " + dev.prec.tensor.Vectorization.reason());
        double[] expIn = expArguments(n, 3 * n);
        double[] logIn = logArguments(n, 3 * n + 1);
        double[] expOut = new double[n];
        double[] logOut = new double[n];
        ColumnMath.Simd.exp(expOut, expIn, n);
        ColumnMath.Simd.log(logOut, logIn, n);
        for (int i = 0; i < n; i++) {
            assertBitsEqual(ColumnMath.exp(expIn[i]), expOut[i], "vector exp(" + expIn[i] + ") at " + i + " of " + n);
            assertBitsEqual(ColumnMath.log(logIn[i]), logOut[i], "vector log(" + logIn[i] + ") at " + i + " of " + n);
        }
    }

    /** Error in units of the last place of the correctly rounded-ish oracle. */
    private static double ulps(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    @Test
    void expIsWithinOneUlpOfMathExpWhereverTheResultIsNormal() {
        SplittableRandom r = new SplittableRandom(1);
        double worst = 0;
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            // Half over the whole normal range, half over the exponents of a law's powers and offsets.
            x[i] = i % 2 == 0 ? r.nextDouble(-708, 709.7) : r.nextDouble(-30, 30);
        }
        double[] y = new double[x.length];
        ColumnMath.exp(y, x, x.length);
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, ulps(y[i], Math.exp(x[i])));
        }
        assertTrue(worst <= 1.0, "max error " + worst + " ulp");
    }

    @Test
    void logIsWithinOneUlpOfMathLogOverTheWholePositiveRange() {
        SplittableRandom r = new SplittableRandom(2);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            // Half log-uniform over the normal range, half near 1 where the logarithm is small.
            x[i] = i % 2 == 0 ? Math.exp(r.nextDouble(-708, 709.7)) : r.nextDouble(0.5, 2);
        }
        double[] y = new double[x.length];
        ColumnMath.log(y, x, x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, ulps(y[i], Math.log(x[i])));
        }
        assertTrue(worst <= 1.0, "max error " + worst + " ulp");
    }

    @Test
    void specialArgumentsGiveWhatMathGives() {
        double[] expSpecial = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 709.78, 709.79,
            800, -746, -1e5};
        for (double x : expSpecial) {
            double expected = Math.exp(x);
            if (Double.isFinite(expected)) {
                assertEquals(expected, ColumnMath.exp(x), Math.ulp(expected), "exp(" + x + ")");
            } else {
                assertEquals(expected, ColumnMath.exp(x), "exp(" + x + ")");
            }
        }
        double[] logSpecial = {Double.NaN, -1, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.POSITIVE_INFINITY, 1.0};
        for (double x : logSpecial) {
            assertEquals(Math.log(x), ColumnMath.log(x), "log(" + x + ")");
        }
        // Subnormal arguments of log are exact enough to be within an ulp too; exp's subnormal results within 2^-1074.
        for (double x : new double[] {Double.MIN_VALUE, 3e-310, 1e-315}) {
            assertTrue(ulps(ColumnMath.log(x), Math.log(x)) <= 1, "log(" + x + ")");
        }
        for (double x : new double[] {-709, -720, -740, -744.4}) {
            assertEquals(Math.exp(x), ColumnMath.exp(x), Double.MIN_VALUE + 2 * Math.ulp(Math.exp(x)), "exp(" + x + ")");
        }
    }

    /**
     * The regression this class exists for: the Vector API's lanewise EXP and LOG changed bits once
     * C2 compiled them. Results computed cold must equal those computed after thousands of calls.
     */
    @Test
    void resultsAreTheSameBitsBeforeAndAfterTheJitCompilesTheLoops() {
        int n = 1024;
        double[] expIn = expArguments(n, 11);
        double[] logIn = logArguments(n, 12);
        double[] coldExp = new double[n];
        double[] coldLog = new double[n];
        ColumnMath.exp(coldExp, expIn, n);
        ColumnMath.log(coldLog, logIn, n);
        double[] warmExp = new double[n];
        double[] warmLog = new double[n];
        for (int k = 0; k < 4000; k++) {
            ColumnMath.exp(warmExp, expIn, n);
            ColumnMath.log(warmLog, logIn, n);
        }
        for (int i = 0; i < n; i++) {
            assertBitsEqual(coldExp[i], warmExp[i], "exp(" + expIn[i] + ") cold vs warm");
            assertBitsEqual(coldLog[i], warmLog[i], "log(" + logIn[i] + ") cold vs warm");
        }
    }
}
