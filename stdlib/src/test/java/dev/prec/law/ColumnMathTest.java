package dev.prec.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column exp and log give exactly the bits of {@link Math#exp} and {@link Math#log} per entry,
 * cold and after the JIT has compiled them: a fit's result must not depend on how warm the JVM is.
 */
class ColumnMathTest {

    static IntStream sizes() {
        return IntStream.of(0, 1, 3, 7, 8, 9, 35, 1000, 4099);
    }

    private static double[] expArguments(int n, long seed) {
        double[] in = new SplittableRandom(seed).doubles(n, -700, 700).toArray();
        if (n > 0) {
            in[0] = -0.0;
        }
        return in;
    }

    private static double[] logArguments(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = i % 2 == 0 ? r.nextDouble(0.5, 12) : Math.exp(r.nextDouble(-300, 300));
        }
        if (n > 2) {
            in[1] = -1;   // NaN, as Math.log: the domain check relies on it
            in[2] = 0;    // -Infinity
        }
        return in;
    }

    private static void assertBitsEqual(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void expIsMathExpBitForBit(int n) {
        double[] in = expArguments(n, n);
        double[] out = new double[n];
        ColumnMath.exp(out, in, n);
        for (int i = 0; i < n; i++) {
            assertBitsEqual(StrictReference.exp(in[i]), out[i], "exp(" + in[i] + ") at " + i + " of " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void logIsMathLogBitForBitIncludingNonPositiveInputs(int n) {
        double[] in = logArguments(n, n + 7);
        double[] out = new double[n];
        ColumnMath.log(out, in, n);
        for (int i = 0; i < n; i++) {
            assertBitsEqual(StrictReference.log(in[i]), out[i], "log(" + in[i] + ") at " + i + " of " + n);
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

    /** The per-element oracle: one call each, outside any loop the JIT could vectorise. */
    private static final class StrictReference {
        static double exp(double x) {
            return Math.exp(x);
        }

        static double log(double x) {
            return Math.log(x);
        }
    }
}
